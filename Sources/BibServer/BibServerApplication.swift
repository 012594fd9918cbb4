import Hummingbird
import Logging

/// The whole server: the API's routes and the web page on a Hummingbird application bound to `host:port`.
public enum BibServerApplication {
  public static func make(
    api: LibraryAPI, host: String = "127.0.0.1", port: Int = 8080, logLevel: Logger.Level = .info
  ) -> some ApplicationProtocol {
    var logger = Logger(label: "cited-server")
    logger.logLevel = logLevel
    let router = Router()
    api.register(on: router)
    WebRoutes(api: api).register(on: router)
    return Application(
      router: router,
      configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "cited"),
      logger: logger)
  }
}
