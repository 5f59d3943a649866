package org.gradframes.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.HelpFormatter;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.ParseException;
import org.gradframes.serve.RenderServer;
import org.gradframes.serve.ServerLimits;

/**
 * {@code gradframes serve}: the render server, its address and limits read from the command line; it runs until the
 * process is stopped (SIGTERM or Ctrl-C), then lets the requests under way finish.
 */
final class ServeCommand {
  static final String USAGE = "gradframes serve [--port 8000] [--host 127.0.0.1] [options]";

  private final org.apache.commons.cli.Options options = new org.apache.commons.cli.Options();
  private final PrintWriter out;
  private final PrintWriter err;

  ServeCommand(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
    ServerLimits d = ServerLimits.defaults();
    add(Option.builder().longOpt("port").hasArg().argName("N").desc("the port to listen on (default 8000; 0: any"
        + " free port)"));
    add(Option.builder().longOpt("host").hasArg().argName("ADDRESS").desc("the address to listen on (default"
        + " 127.0.0.1, this machine only; 0.0.0.0 for every interface, as a Kroki gateway in a container needs)"));
    add(Option.builder().longOpt("workers").hasArg().argName("N").desc("renders at once; more requests are answered"
        + " 503 with Retry-After (default: one per core, here " + d.workers() + ")"));
    add(Option.builder().longOpt("max-body").hasArg().argName("BYTES").desc("the largest program a request may send"
        + " (default " + d.maxBodyBytes() + ")"));
    add(Option.builder().longOpt("max-nodes").hasArg().argName("N").desc("the most nodes a request's graph may have"
        + " (default " + d.maxNodes() + ")"));
    add(Option.builder().longOpt("time-limit").hasArg().argName("SECONDS").desc("the longest a render may take"
        + " before its request is answered 503 (default " + d.timeLimit().toSeconds() + ")"));
    add(Option.builder("h").longOpt("help").desc("print this help and exit"));
  }

  private void add(Option.Builder builder) {
    options.addOption(builder.build());
  }

  /** Reads {@code args}, then serves until the process stops; returns the exit code. */
  int run(String... args) throws UsageException {
    CommandLine line;
    try {
      line = new DefaultParser().parse(options, args);
    } catch (ParseException e) {
      throw new UsageException(e.getMessage());
    }
    if (line.hasOption("help")) {
      new HelpFormatter().printHelp(out, 100, USAGE, "\nAnswers Kroki's API for gradframes diagrams; see"
          + " docs/serve.md.\n\n", options, 2, 2, "");
      return Main.OK;
    }
    if (!line.getArgList().isEmpty()) {
      throw new UsageException("serve takes no inputs, not '" + Terminal.visible(line.getArgList().get(0)) + "'.");
    }
    ServerLimits d = ServerLimits.defaults();
    ServerLimits limits = new ServerLimits(integer(line, "workers", d.workers(), 1, 256),
        integer(line, "max-body", d.maxBodyBytes(), 1, Integer.MAX_VALUE - 8),
        integer(line, "max-nodes", d.maxNodes(), 1, 1_000_000),
        Duration.ofSeconds(integer(line, "time-limit", (int) d.timeLimit().toSeconds(), 1, 3600)), d.stopGrace());
    InetSocketAddress address = new InetSocketAddress(line.getOptionValue("host", "127.0.0.1"),
        integer(line, "port", 8000, 0, 65535));
    if (address.isUnresolved()) {
      throw new UsageException("--host: no such address, '" + Terminal.visible(address.getHostString()) + "'.");
    }
    return serve(address, limits);
  }

  private int serve(InetSocketAddress address, ServerLimits limits) {
    RenderServer server;
    PrintStream log = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true,
        java.nio.charset.StandardCharsets.UTF_8);
    try {
      server = RenderServer.start(address, limits, log);
    } catch (IOException e) {
      err.println("gradframes: error: cannot listen on " + address.getHostString() + ":" + address.getPort() + ": "
          + Failures.reason(e));
      return Main.BAD_INPUT;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.println("gradframes: stopping; letting the requests under way finish");
      server.stop();
      stopped.countDown();
    }, "gradframes-serve-stop"));
    err.println("gradframes: serving on http://" + address.getHostString() + ":" + server.port() + "/ ("
        + limits.workers() + " workers; GET /health; Ctrl-C or SIGTERM stops)");
    err.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Main.OK;
  }

  private static int integer(CommandLine line, String option, int fallback, int min, int max)
      throws UsageException {
    String value = line.getOptionValue(option);
    if (value == null) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--" + option + ": expected a whole number from " + min + " to " + max + ", not '"
        + Terminal.visible(value) + "'.");
  }
}
