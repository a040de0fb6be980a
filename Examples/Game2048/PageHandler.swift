// PageHandler: the 2048 page. The template, JavaScript and CSS draw the board;
// the game itself is played over the WebSocket of GameSocketHandler.
import Squall

/// `/`: the page that draws the board (template, JavaScript and CSS).
final class PageHandler: RequestHandler {
    override func get() throws {
        try render("index.html")
    }
}
