// FileUpload: multipart uploads done safely. The form is XSRF-protected; the
// server refuses request bodies over `--max-body-size` before reading them (413)
// and the handler refuses files over `--max-file-size` with a page saying which;
// names sent by the client are cleaned (no paths, no hidden files); files are
// written off the loop and served back through StaticFileHandler as downloads.
//
//     swift run FileUpload                               # uploads go to $TMPDIR/squall-uploads
//     swift run FileUpload --upload-dir ./uploads --max-file-size 1048576
import Foundation
import Squall

let options = OptionParser()
let port = try options.define("port", default: 8888, help: "port to listen on (0 = any free port)")
let address = try options.define("address", default: "127.0.0.1", help: "address to listen on (\"\" = all)")
let debug = try options.define("debug", default: false, help: "reload templates, show errors in pages")
let uploadDirectory = try options.define("upload-dir", default: NSTemporaryDirectory() + "squall-uploads",
                                         help: "directory the files are stored in (created if missing)")
let maxBodySize = try options.define("max-body-size", default: 10 * 1024 * 1024,
                                     help: "largest request body in bytes; larger uploads get 413 unread")
let maxFileSize = try options.define("max-file-size", default: 8 * 1024 * 1024,
                                     help: "largest single file in bytes")
_ = options.parseCommandLineOrExit()

/// The application: routes, limits, and settings with templates and static files
/// found next to this source file.
func makeApplication(uploads: UploadSettings) throws -> Application {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    var settings = ApplicationSettings()
    settings.debug = debug.value
    settings.templatePath = folder.appendingPathComponent("templates").path
    settings.staticPath = folder.appendingPathComponent("static").path
    settings.xsrfCookies = true
    settings.server.parser.maxBodySize = maxBodySize.value
    return try Application([
        URLSpec("/", IndexHandler.self, name: "index", initialize: { $0.uploads = uploads }),
        URLSpec("/upload", UploadHandler.self, name: "upload", initialize: { $0.uploads = uploads }),
        URLSpec("/files/(.*)", DownloadHandler.self, name: "file", initialize: { $0.root = uploads.directory.path }),
    ], settings: settings)
}

do {
    guard maxBodySize.value > 0, maxFileSize.value > 0 else {
        throw UploadError("--max-body-size and --max-file-size must be positive numbers of bytes")
    }
    let uploads = UploadSettings(directory: try UploadDirectory(path: uploadDirectory.value), maxFileSize: maxFileSize.value)
    let server = try makeApplication(uploads: uploads).listen(port: port.value, address: address.value)
    let host = address.value.isEmpty ? "127.0.0.1" : address.value
    // Straight to stdout, unbuffered: scripts and tests read the port from this line.
    let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(server.port)/"
    FileHandle.standardOutput.write(Data("FileUpload running at \(url)\n".utf8))
    FileHandle.standardOutput.write(Data("Storing files in \(uploads.directory.path)\n".utf8))
} catch {
    FileHandle.standardError.write(Data("FileUpload: cannot start: \(error)\n".utf8))
    exit(1)
}
IOLoop.current.start()
