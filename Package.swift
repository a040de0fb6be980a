// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Squall",
    products: [
        .library(name: "Squall", targets: ["Squall"]),
        .library(name: "SquallTesting", targets: ["SquallTesting"]),
        .executable(name: "HelloWorld", targets: ["HelloWorld"]),
        .executable(name: "EchoServer", targets: ["EchoServer"]),
        .executable(name: "Blog", targets: ["Blog"]),
        .executable(name: "FileUpload", targets: ["FileUpload"]),
        .executable(name: "Game2048", targets: ["Game2048"]),
    ],
    targets: [
        .target(name: "CSquallLinux"),
        .target(name: "CZlib", linkerSettings: [.linkedLibrary("z")]),
        .target(name: "SquallCore"),
        .target(name: "SquallTemplate"),
        .target(name: "SquallCompression", dependencies: ["CZlib"]),
        .target(name: "SquallWebSocket", dependencies: ["SquallCore", "SquallCompression", "SquallIO", "SquallHTTP"]),
        .target(name: "SquallIO", dependencies: ["CSquallLinux", "SquallCore"]),
        .target(name: "SquallHTTP", dependencies: ["SquallIO", "SquallCore"]),
        .target(name: "SquallWeb", dependencies: [
            "SquallWebSocket", "SquallTemplate", "SquallCompression", "SquallHTTP", "SquallIO", "SquallCore",
        ]),
        .target(name: "Squall", dependencies: ["SquallWeb", "SquallWebSocket", "SquallTemplate", "SquallHTTP", "SquallIO", "SquallCore"]),
        .target(name: "SquallTesting", dependencies: ["SquallWeb", "SquallHTTP", "SquallIO"]),
        .executableTarget(name: "HelloWorld", dependencies: ["Squall"], path: "Examples/HelloWorld"),
        .executableTarget(name: "EchoServer", dependencies: ["Squall"], path: "Examples/EchoServer"),
        .executableTarget(name: "Blog", dependencies: ["Squall"], path: "Examples/Blog", exclude: ["templates", "static"]),
        .executableTarget(name: "FileUpload", dependencies: ["Squall"], path: "Examples/FileUpload",
                          exclude: ["templates", "static"]),
        .executableTarget(name: "Game2048", dependencies: ["Squall"], path: "Examples/Game2048",
                          exclude: ["templates", "static"]),
        .executableTarget(name: "TemplateBench", dependencies: ["SquallTemplate"], path: "Benchmarks/TemplateBench",
                          exclude: ["message.html", "message_rich.html"]),
        .testTarget(name: "SquallCoreTests", dependencies: ["SquallCore"]),
        .testTarget(name: "SquallCompressionTests", dependencies: ["SquallCompression"]),
        .testTarget(name: "SquallWebSocketTests", dependencies: ["SquallWebSocket", "SquallCore", "SquallCompression"]),
        .testTarget(name: "SquallHTTPTests", dependencies: ["SquallHTTP"]),
        .testTarget(name: "SquallTemplateTests", dependencies: ["SquallTemplate"]),
        .testTarget(name: "SquallIOTests", dependencies: ["SquallIO"]),
        .testTarget(name: "ExamplesTests", dependencies: ["Squall", "SquallTesting"]),
        .testTarget(name: "SquallWebTests", dependencies: ["Squall", "SquallTesting", "SquallCore", "SquallCompression"]),
    ]
)
