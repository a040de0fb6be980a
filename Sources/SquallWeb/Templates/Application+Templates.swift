// The application's template loader: made on first use from `templatePath`
// (recompiling changed files in debug mode), with the application's UI modules
// and methods in its namespace.
import SquallTemplate

extension Application {
    /// The loader for `settings.templatePath` (the working directory when nil).
    ///
    /// - Throws: `TemplateError` when the directory cannot be used.
    public func templateLoader() throws(TemplateError) -> TemplateLoader {
        if let loader = templateLoaderCache.withLock({ $0 }) { return loader }
        var options = TemplateOptions(autoReload: settings.debug)
        options.namespace = TemplateNamespace(settings.uiMethods.mapValues { .function($0) }, modules: settings.uiModules)
        let loader = try TemplateLoader(directory: settings.templatePath ?? ".", options: options)
        return templateLoaderCache.withLock { cached in
            if let existing = cached { return existing }
            cached = loader
            return loader
        }
    }
}
