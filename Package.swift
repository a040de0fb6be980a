// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "Squall",
    products: [
        .library(name: "Squall", targets: ["Squall"]),
    ],
    targets: [
        .target(name: "CSquallLinux"),
        .target(name: "CZlib", linkerSettings: [.linkedLibrary("z")]),
        .target(name: "SquallIO", dependencies: ["CSquallLinux"]),
        .target(name: "Squall", dependencies: ["SquallIO"]),
    ]
)
