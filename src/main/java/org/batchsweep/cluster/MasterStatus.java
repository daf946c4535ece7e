package org.batchsweep.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What a standalone master reports about itself, from its web UI's {@code /json/} page. */
public record MasterStatus(
    String url,
    String status,
    List<Worker> workers,
    List<App> activeApps,
    List<App> completedApps) {

  /** A worker as the master sees it; {@code state} is ALIVE, DEAD, DECOMMISSIONED... */
  public record Worker(
      String id, String host, int port, String state, int cores, int coresUsed, int memoryMb) {}

  public record App(String id, String name, String state, int cores) {}

  /** The master's status, or empty when its web UI does not answer within {@code timeout}. */
  public static Optional<MasterStatus> fetch(String webUi, Duration timeout) {
    if (webUi == null || webUi.isBlank()) {
      return Optional.empty();
    }
    HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(webUi + "/json/")).timeout(timeout).GET().build();
    try {
      HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return Optional.empty();
      }
      return Optional.of(parse(new ObjectMapper().readTree(response.body())));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  static MasterStatus parse(JsonNode json) {
    List<Worker> workers = new ArrayList<>();
    for (JsonNode w : json.path("workers")) {
      workers.add(
          new Worker(
              w.path("id").asText(),
              w.path("host").asText(),
              w.path("port").asInt(),
              w.path("state").asText(),
              w.path("cores").asInt(),
              w.path("coresused").asInt(),
              w.path("memory").asInt()));
    }
    return new MasterStatus(
        json.path("url").asText(),
        json.path("status").asText(),
        workers,
        apps(json.path("activeapps")),
        apps(json.path("completedapps")));
  }

  private static List<App> apps(JsonNode array) {
    List<App> apps = new ArrayList<>();
    for (JsonNode a : array) {
      apps.add(
          new App(
              a.path("id").asText(),
              a.path("name").asText(),
              a.path("state").asText(),
              a.path("cores").asInt()));
    }
    return apps;
  }
}
