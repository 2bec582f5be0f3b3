package dev.archon.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * A {@code redis-server} of a test's own, on a free loopback port, that the test may stop
 * and start again on the same port: Redis outages made for real, without touching the
 * Redis that other tests share. It keeps nothing on disk, so a restarted server starts
 * empty, as a Redis that lost its memory does.
 */
public final class RedisServerProcess implements AutoCloseable {

	private static final Duration STARTUP = Duration.ofSeconds(10);

	private final int port;

	private @Nullable Process process;

	private RedisServerProcess(int port) {
		this.port = port;
		// A test that fails before it can close the server must not leave it running.
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
	}

	/**
	 * Starts a server on a free port.
	 * @return the running server
	 */
	public static RedisServerProcess start() {
		RedisServerProcess server = new RedisServerProcess(freePort());
		server.startAgain();
		return server;
	}

	/**
	 * Where the server listens.
	 * @return its URL, for {@code spring.data.redis.url}
	 */
	public String url() {
		return "redis://127.0.0.1:" + this.port;
	}

	/**
	 * Where the server listens.
	 * @return its loopback port
	 */
	public int port() {
		return this.port;
	}

	/**
	 * Stops the server and waits until it has exited.
	 */
	public synchronized void stop() {
		Process running = this.process;
		if (running == null) {
			return;
		}
		running.destroy();
		try {
			if (!running.waitFor(STARTUP.toMillis(), TimeUnit.MILLISECONDS)) {
				running.destroyForcibly().waitFor();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			running.destroyForcibly();
		}
		this.process = null;
	}

	/**
	 * Starts the server again on its port, empty, and waits until it answers.
	 */
	public synchronized void startAgain() {
		if (this.process != null) {
			throw new IllegalStateException("redis-server already runs on port " + this.port);
		}
		try {
			this.process = new ProcessBuilder("redis-server", "--port", String.valueOf(this.port), "--bind",
					"127.0.0.1", "--save", "", "--appendonly", "no")
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.redirectError(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot run redis-server (is it installed?)", ex);
		}
		awaitPong();
	}

	@Override
	public void close() {
		stop();
	}

	private void awaitPong() {
		long deadline = System.nanoTime() + STARTUP.toNanos();
		while (System.nanoTime() < deadline) {
			if (answersPing()) {
				return;
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		stop();
		throw new IllegalStateException("redis-server did not answer on port " + this.port + " within " + STARTUP);
	}

	private boolean answersPing() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), this.port), 500);
			socket.setSoTimeout(500);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] reply = in.readNBytes(7);
			return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
