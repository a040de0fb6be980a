// Tests for MIME types: extension lookup as Tornado's StaticFileHandler does it, compressed
// file handling, overrides, and which content types are worth gzipping.

import Testing
@testable import SquallWeb

@Suite struct MIMETypeTests {
    @Test(arguments: [
        ("index.html", "text/html"), ("a.htm", "text/html"), ("s.css", "text/css"), ("app.js", "text/javascript"),
        ("m.mjs", "text/javascript"), ("d.json", "application/json"), ("r.txt", "text/plain"), ("f.xml", "text/xml"),
        ("i.svg", "image/svg+xml"), ("p.png", "image/png"), ("p.jpg", "image/jpeg"), ("p.jpeg", "image/jpeg"),
        ("g.gif", "image/gif"), ("w.webp", "image/webp"), ("favicon.ico", "image/vnd.microsoft.icon"),
        ("f.woff", "font/woff"), ("f.woff2", "font/woff2"), ("f.ttf", "font/ttf"), ("f.otf", "font/otf"),
        ("m.wasm", "application/wasm"), ("doc.pdf", "application/pdf"), ("a.zip", "application/zip"),
        ("s.mp3", "audio/mpeg"), ("v.mp4", "video/mp4"), ("v.webm", "video/webm"), ("s.ogg", "audio/ogg"),
        ("s.wav", "audio/wav"), ("t.csv", "text/csv"), ("README.md", "text/markdown"), ("app.js.map", "application/json"),
        ("p.avif", "image/avif"),
    ])
    func knownExtensions(path: String, type: String) {
        #expect(MIMETypes.standard.contentType(forPath: path) == type)
        #expect(MIMETypes.standard.contentType(forPath: "/static/dir.v2/" + path) == type)
    }

    @Test func extensionsAreCaseInsensitive() {
        #expect(MIMETypes.standard.contentType(forPath: "PHOTO.JPG") == "image/jpeg")
        #expect(MIMETypes.standard.contentType(forPath: "Index.Html") == "text/html")
    }

    @Test func compressedFilesFollowTornado() {
        let mime = MIMETypes.standard
        #expect(mime.contentType(forPath: "data.json.gz") == "application/gzip")
        #expect(mime.contentType(forPath: "backup.tar.gz") == "application/gzip")
        #expect(mime.contentType(forPath: "backup.tgz") == "application/gzip")
        #expect(mime.contentType(forPath: "logo.svgz") == "application/gzip")
        for path in ["a.tar.bz2", "a.xz", "a.css.br", "a.Z", "a.tbz2", "a.txz"] {
            #expect(mime.contentType(forPath: path) == "application/octet-stream", "\(path)")
        }
    }

    @Test func unknownOrMissingExtensionsAreOctetStream() {
        let mime = MIMETypes.standard
        for path in ["", "/", "noext", "file.unknownext", "trailingdot.", ".bashrc", "..", "/a.b/c", "dir/.hidden"] {
            #expect(mime.contentType(forPath: path) == "application/octet-stream", "\(path)")
        }
        #expect(mime.contentType(forPath: ".config.json") == "application/json")
        #expect(MIMETypes.fileExtension(of: "a/b.c/d.E") == "e")
        #expect(MIMETypes.fileExtension(of: "...") == nil)
    }

    @Test func overridesWinAndExtensionLookupAcceptsDots() {
        let mime = MIMETypes(overrides: ["JS": "application/javascript", "foo": "application/x-foo"])
        #expect(mime.contentType(forPath: "a.js") == "application/javascript")
        #expect(mime.contentType(forPath: "a.FOO") == "application/x-foo")
        #expect(mime.contentType(forExtension: ".foo") == "application/x-foo")
        #expect(mime.contentType(forExtension: "PNG") == "image/png")
        #expect(mime.contentType(forExtension: "nope") == nil)
        #expect(MIMETypes.standard.contentType(forPath: "a.js") == "text/javascript")
    }

    @Test func noCharsetIsAddedAsInTornado() {
        #expect(MIMETypes.standard.types.values.allSatisfy { !$0.contains(";") })
    }

    @Test func compressibleTypes() {
        for type in ["text/html", "text/plain; charset=utf-8", "TEXT/CSS", "  text/javascript ;charset=UTF-8",
                     "application/javascript", "application/x-javascript", "application/json", "application/xml",
                     "application/atom+xml", "application/xhtml+xml", "image/svg+xml", "application/wasm",
                     "application/vnd.api+json", "application/problem+json; charset=utf-8", "font/ttf",
                     "image/vnd.microsoft.icon"] {
            #expect(MIMETypes.isCompressible(type), "\(type)")
        }
        for type in ["", ";", "image/png", "image/jpeg", "font/woff2", "application/zip", "application/gzip",
                     "video/mp4", "application/octet-stream", "application/pdf", "textual/html"] {
            #expect(!MIMETypes.isCompressible(type), "\(type)")
        }
    }
}
