import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Load on a running gradframes server (loopback only): small SVG figures with 1, 4 and 16 clients, each client
 * sending a fixed number of requests, then hostile bodies. Run: java bench/ServeLoad.java PORT [REQUESTS_PER_CLIENT].
 */
public class ServeLoad {
  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int perClient = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    URI svg = URI.create("http://127.0.0.1:" + port + "/gradframes/svg");
    for (int i = 0; i < 20; i++) {
      send(client, svg, program(i)); // warm up
    }
    for (int clients : new int[] {1, 4, 16}) {
      ExecutorService pool = Executors.newFixedThreadPool(clients);
      List<Future<List<long[]>>> futures = new ArrayList<>();
      long start = System.nanoTime();
      for (int c = 0; c < clients; c++) {
        int seed = c;
        futures.add(pool.submit(() -> {
          List<long[]> results = new ArrayList<>();
          for (int i = 0; i < perClient; i++) {
            long t = System.nanoTime();
            int status = send(client, svg, program(seed * 1000 + i));
            results.add(new long[] {status, System.nanoTime() - t});
          }
          return results;
        }));
      }
      List<Long> ok = new ArrayList<>();
      int busy = 0;
      int other = 0;
      for (Future<List<long[]>> f : futures) {
        for (long[] r : f.get()) {
          if (r[0] == 200) {
            ok.add(r[1]);
          } else if (r[0] == 503) {
            busy++;
          } else {
            other++;
          }
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      pool.shutdown();
      Collections.sort(ok);
      System.out.printf(Locale.ROOT, "%2d clients: %d requests in %.1f s: %.1f figures/s, p50 %.0f ms, p99 %.0f ms;"
          + " 503 (busy) %d, other %d%n", clients, clients * perClient, seconds, ok.size() / seconds,
          pct(ok, 0.50), pct(ok, 0.99), busy, other);
    }
    hostile(client, port);
  }

  /** A small program, different each time so that nothing could be cached. */
  static String program(int i) {
    return "x = " + (1 + i % 97) + "\nw = 0.5\nb = " + (i % 7) + "\ny = tanh(w * x + b)\n";
  }

  static int send(HttpClient client, URI uri, String body) throws Exception {
    return client.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  static double pct(List<Long> sorted, double p) {
    return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.min(sorted.size() - 1, p * sorted.size())) / 1e6;
  }

  static void hostile(HttpClient client, int port) throws Exception {
    String base = "http://127.0.0.1:" + port;
    String[][] cases = {
      {"2 MB body", "/gradframes/svg", "x = 1\n" + "#".repeat(2_000_000)},
      {"200,000-term line", "/gradframes/svg", "x = 1\ny = " + "x + ".repeat(200_000) + "x\n"},
      {"nesting 5,000 deep", "/gradframes/svg", "x = 1\ny = " + "(".repeat(5000) + "x" + ")".repeat(5000) + "\n"},
      {"theme=/etc/passwd", "/gradframes/svg?theme=/etc/passwd", "x = 1\n"},
      {"not UTF-8", "/gradframes/svg", "x = 1\n\u00ff"},
      {"syntax error", "/gradframes/svg", "y = (x +\n"},
      {"unknown format", "/gradframes/gif", "x = 1\n"},
    };
    for (String[] c : cases) {
      long t = System.nanoTime();
      byte[] body = c[0].equals("not UTF-8") ? new byte[] {'x', '=', (byte) 0xff} : c[2].getBytes("UTF-8");
      HttpResponse<String> r;
      try {
        r = client.send(HttpRequest.newBuilder(URI.create(base + c[1])).timeout(Duration.ofSeconds(60))
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
      } catch (java.io.IOException e) {
        System.out.printf(Locale.ROOT, "hostile %-20s -> no answer read in %.0f ms: %s%n", c[0],
            (System.nanoTime() - t) / 1e6, e.getMessage());
        continue;
      }
      String first = r.body().lines().findFirst().orElse("");
      System.out.printf(Locale.ROOT, "hostile %-20s -> %d in %.0f ms: %s%n", c[0], r.statusCode(),
          (System.nanoTime() - t) / 1e6, first.length() > 110 ? first.substring(0, 110) + "…" : first);
    }
  }
}
