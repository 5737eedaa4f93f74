package vn.hocso.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder a test can cut: while stopped, nothing listens on its port (connections are
 * refused, as with a stopped server) and every open connection is closed.
 */
final class TcpProxy implements AutoCloseable {

  private final int port;
  private volatile int targetPort;
  private volatile ServerSocket server;
  private final List<Socket> open = new CopyOnWriteArrayList<>();

  TcpProxy() throws IOException {
    try (var probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
  }

  int port() {
    return port;
  }

  void forwardTo(int targetPort) {
    this.targetPort = targetPort;
  }

  synchronized void start() throws IOException {
    var socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress("localhost", port));
    server = socket;
    var accepting = new Thread(() -> accept(socket), "tcp-proxy-" + port);
    accepting.setDaemon(true);
    accepting.start();
  }

  synchronized void stop() throws IOException {
    if (server != null) {
      server.close();
      server = null;
    }
    for (var socket : open) {
      socket.close();
    }
    open.clear();
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        var client = socket.accept();
        if (targetPort == 0) {
          client.close();
          continue;
        }
        var upstream = new Socket("localhost", targetPort);
        open.add(client);
        open.add(upstream);
        pump(client, upstream);
        pump(upstream, client);
      } catch (IOException closed) {
        // stopped, or the target refused: the client sees its connection closed
      }
    }
  }

  private void pump(Socket from, Socket to) {
    var thread =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException ended) {
                // one side closed
              } finally {
                try {
                  from.close();
                  to.close();
                } catch (IOException ignored) {
                  // already closed
                }
                open.remove(from);
                open.remove(to);
              }
            });
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() throws IOException {
    stop();
  }
}
