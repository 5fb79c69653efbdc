package io.habitcoach.ai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local server speaking the OpenAI chat-completions protocol ({@code POST /v1/chat/completions}),
 * recording each request body. What it answers is set per test. Shared, through this module's test
 * jar, with habitcoach-spring-ai's tests: both adapters are tested against the same server.
 */
public final class MockOpenAiServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads;
    private final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger answered = new AtomicInteger();
    // Bumped by reset: a held reply released by reset is not counted as answered in the next test.
    private final AtomicInteger generation = new AtomicInteger();
    private volatile int status = 200;
    private volatile String content = "ok";
    /** The longest a held reply waits for {@link #release}: only a guard against a test that never releases. */
    private static final long HOLD_LIMIT_SECONDS = 120;

    private volatile boolean held;
    // Counted down by release, reset and close: a held reply never outlives its test.
    private volatile CountDownLatch release = new CountDownLatch(1);

    public MockOpenAiServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        threads = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "mock-openai");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(threads);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** Answer 200 with this assistant content. */
    public void reply(String text) {
        this.status = 200;
        this.content = text;
    }

    /** Answer with an OpenAI-style error. */
    public void fail(int httpStatus) {
        this.status = httpStatus;
    }

    /**
     * Holds every reply until {@link #release}: a test that releases only after the caller returned
     * proves that the caller did not wait for the reply (an ordering, not a race against a delay).
     */
    public void hold() {
        this.held = true;
    }

    /** Sends the held replies, and answers later requests at once. */
    public void release() {
        held = false;
        release.countDown();
    }

    public void reset() {
        generation.incrementAndGet();
        release.countDown();
        release = new CountDownLatch(1);
        requests.clear();
        answered.set(0);
        status = 200;
        content = "ok";
        held = false;
    }

    /** How many requests of this test have been answered so far (a held one is not, until released). */
    public int answered() {
        return answered.get();
    }

    public List<JsonNode> requests() {
        return requests;
    }

    private void handle(HttpExchange exchange) throws IOException {
        int startedIn = generation.get();
        CountDownLatch gate = release;
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(JSON.readTree(body));
            if (held) {
                gate.await(HOLD_LIMIT_SECONDS, TimeUnit.SECONDS);
            }
            String response;
            if (status == 200) {
                ObjectNode root = JSON.createObjectNode();
                root.put("id", "x").put("object", "chat.completion").put("created", 0).put("model", "gpt-4o-mini");
                ObjectNode choice = root.putArray("choices").addObject();
                choice.put("index", 0).put("finish_reason", "stop");
                choice.putObject("message").put("role", "assistant").put("content", content);
                root.putObject("usage").put("prompt_tokens", 1).put("completion_tokens", 1).put("total_tokens", 2);
                response = JSON.writeValueAsString(root);
            } else {
                response = "{\"error\":{\"message\":\"mock error\",\"type\":\"server_error\",\"code\":\"" + status + "\"}}";
            }
            byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
            // Counted before the client can see the reply, so a caller that has its answer sees the count.
            if (generation.get() == startedIn) {
                answered.incrementAndGet();
            }
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client gave up (a timeout test): nothing to answer.
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
