import EloCLI

@main
enum Main {
    static func main() async {
        await EloCommand.runFromCommandLine()
    }
}
