// The upload pages: the list of stored files with the upload form (`/`) and the
// form's target (`/upload`), which checks every file before storing any.
import Squall

/// `/`: the stored files, newest first, and the form. `?saved=name` (repeated)
/// highlights the files the last upload stored.
final class IndexHandler: UploadPageHandler {
    override func get() async throws {
        let directory = uploads.directory
        let files = try await IOLoop.current.runInExecutor { try directory.files() }
        try render("index.html", ["files": files, "saved": getQueryArguments("saved"),
                                  "maxFileSize": StoredFile.describe(size: uploads.maxFileSize)])
    }
}

/// `/upload` (POST, multipart/form-data, XSRF-checked): stores the files of field
/// `file` and redirects (303) to the list. Refuses the whole upload, with an
/// error page, when no file was chosen (400), a file is larger than
/// `maxFileSize` (413), or a name has nothing usable left once cleaned (400).
final class UploadHandler: UploadPageHandler {
    override func post() async throws {
        // A form submitted without a choice still sends one part, empty and unnamed.
        let files = try getFiles("file").filter { !$0.filename.isEmpty || !$0.body.isEmpty }
        guard !files.isEmpty else { try refuse(400, "Choose a file to upload.") }
        var names: [String] = []
        for file in files {
            guard file.body.count <= uploads.maxFileSize else {
                try refuse(413, "“\(file.filename)” is \(StoredFile.describe(size: file.body.count)); "
                    + "files may be at most \(StoredFile.describe(size: uploads.maxFileSize)).")
            }
            guard let name = SafeFilename.make(from: file.filename) else {
                try refuse(400, "“\(file.filename)” has no usable file name; rename the file and try again.")
            }
            names.append(name)
        }
        let directory = uploads.directory
        let uploadsToSave = Array(zip(files, names))
        let stored = try await IOLoop.current.runInExecutor {
            try uploadsToSave.map { file, name in try directory.save(file.body, as: name) }
        }
        Log.app.info("stored \(stored.joined(separator: ", ")) in \(directory.path)")
        try redirect("/?" + PercentEncoding.encodeQuery(stored.map { ("saved", $0) }), status: 303)
    }

    /// Answers `status` with the error page saying `message`, and ends the request.
    private func refuse(_ status: Int, _ message: String) throws -> Never {
        try setStatus(status)
        try render("error.html", ["message": message])
        throw Finish()
    }
}
