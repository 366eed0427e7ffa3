package dev.cloakroom.testservers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP forwarder in front of a real database server, to take it away and bring it back without
 * touching the server other tests use. It keeps its port for its whole life (re-binding a port races
 * with other processes); what changes is what it does with connections: {@link #start() forward} them,
 * {@link #stop() cut} them (open ones, and new ones as soon as they arrive, as a crashed server would), or
 * {@link #blackhole() hold} them without ever answering, as a hung server would.
 */
public final class TcpProxy implements AutoCloseable {

    private enum Mode { FORWARD, CUT, BLACKHOLE }

    private final int targetPort;
    private final ServerSocket server;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile Mode mode = Mode.FORWARD;

    private TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(this::acceptLoop, "tcp-proxy-accept-" + server.getLocalPort());
        thread.setDaemon(true);
        thread.start();
    }

    /** Starts forwarding a free local port to {@code 127.0.0.1:targetPort}. */
    public static TcpProxy forwardingTo(int targetPort) throws IOException {
        return new TcpProxy(targetPort);
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Cuts every open connection, and from now on every new one as soon as it is accepted. */
    public void stop() {
        mode = Mode.CUT;
        cutAll();
    }

    /** Forwards new connections again. */
    public void start() {
        mode = Mode.FORWARD;
    }

    /** Cuts every open connection; from now on accepts connections and never answers nor forwards. */
    public void blackhole() {
        mode = Mode.BLACKHOLE;
        cutAll();
    }

    @Override
    public void close() throws IOException {
        server.close();
        cutAll();
    }

    private void cutAll() {
        for (Socket socket : sockets) {
            closeQuietly(socket);
        }
        sockets.clear();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                switch (mode) {
                    case CUT -> closeQuietly(client);
                    case BLACKHOLE -> sockets.add(client);
                    case FORWARD -> {
                        sockets.add(client);
                        Socket upstream = new Socket();
                        upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), targetPort));
                        sockets.add(upstream);
                        pump(client, upstream);
                        pump(upstream, client);
                    }
                    default -> throw new IllegalStateException(mode.name());
                }
            } catch (IOException e) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[16384];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side closed: close both below
            }
            closeQuietly(from);
            closeQuietly(to);
        }, "tcp-proxy-pump");
        thread.setDaemon(true);
        thread.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }
}
