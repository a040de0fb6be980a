// TemplateBench: renders the chat demo's message.html (and a richer variant
// with sender and time) as fast as it can and prints renders/s and ns/render,
// for comparison with Benchmarks/template_tornado.py in the same run.
//
// Usage: TemplateBench [--seconds S] [--renders N] [--templates DIR] [--print]
//   --renders N renders exactly N times per template without warm-up (for
//   instruction-counting profilers); --print writes each template's output
//   once (to compare with Tornado's).
import SquallTemplate

#if canImport(Glibc)
import Glibc
#endif

/// The representative message: HTML to escape, a URL to link, CJK and emoji.
let message: [String: String] = [
    "id": "5f0c6a1e-3b2d-4c8e-9a7f-1d2e3f4a5b6c",
    "body": "Hello <b>world</b> see https://example.com/a?b=1 — 你好 🎉",
    "from": "alice",
    "time": "12:34",
]

var seconds = 1.0
var directory = String(#filePath.dropLast("/main.swift".count))
var printOutput = false
var fixedRenders: Int?
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
    switch argument {
    case "--seconds": seconds = Double(arguments.popFirst() ?? "") ?? seconds
    case "--templates": directory = arguments.popFirst() ?? directory
    case "--renders": fixedRenders = Int(arguments.popFirst() ?? "")
    case "--print": printOutput = true
    default:
        print("usage: TemplateBench [--seconds S] [--renders N] [--templates DIR] [--print]")
        exit(2)
    }
}

func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

do {
    let loader = try TemplateLoader(directory: directory)
    for name in ["message.html", "message_rich.html"] {
        let template = try loader.template(named: name)
        if printOutput {
            print(try template.render(["message": message]), terminator: "")
            continue
        }
        var sink = 0
        if let fixedRenders {
            for _ in 0..<fixedRenders { sink &+= try template.renderBytes(["message": message]).count }
            print("squall \(name) rendered \(fixedRenders) times (bytes \(sink % 7))")
            continue
        }
        // Warm up, then render in batches until the time budget is spent.
        for _ in 0..<20_000 { sink &+= try template.renderBytes(["message": message]).count }
        var renders = 0
        let start = now()
        var elapsed = 0.0
        while elapsed < seconds {
            for _ in 0..<10_000 { sink &+= try template.renderBytes(["message": message]).count }
            renders += 10_000
            elapsed = now() - start
        }
        let nanoseconds = elapsed * 1e9 / Double(renders)
        print("squall \(name) renders/s=\(Int(Double(renders) / elapsed)) ns/render=\(Int(nanoseconds.rounded())) (bytes \(sink % 7))")
    }
} catch {
    print("error: \(error)")
    exit(1)
}
