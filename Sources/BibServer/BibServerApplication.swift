import Hummingbird

/// The whole server: the API's routes on a Hummingbird application bound to `host:port`.
public enum BibServerApplication {
  public static func make(
    api: LibraryAPI, host: String = "127.0.0.1", port: Int = 8080
  ) -> some ApplicationProtocol {
    let router = Router()
    api.register(on: router)
    return Application(
      router: router, configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "cited")
    )
  }
}
