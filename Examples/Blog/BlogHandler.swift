// BlogHandler: the base class of the blog's pages (the demo's `BaseHandler`). It
// holds the shared blog and reads the logged-in author from a signed cookie.
import Squall

/// A page of the blog.
class BlogHandler: RequestHandler {
    /// The name of the signed cookie that holds the logged-in author's name.
    static let userCookie = "blogdemo_user"

    /// Set by the route (see `Blog.route`) before any method runs.
    var blog: Blog!

    /// The author named in the signed `blogdemo_user` cookie, if it is still the
    /// blog's author (a cookie from before a restart with another `--user` is
    /// ignored).
    override func getCurrentUser() throws -> String? {
        guard let name = try getSignedCookie(Self.userCookie), name == blog.author.name else { return nil }
        return name
    }
}
