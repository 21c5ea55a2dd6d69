package dk.articlesummarizer.api;

import static dk.articlesummarizer.support.OpenAiStubs.answering;
import static dk.articlesummarizer.support.OpenAiStubs.chatCompletion;
import static dk.articlesummarizer.support.OpenAiStubs.chatRequests;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;

import dk.articlesummarizer.support.Articles;
import dk.articlesummarizer.support.FakeOpenAi;
import dk.articlesummarizer.support.OpenAiStubs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Bodies that BodyPrefetch reads itself, and one it leaves to Quarkus REST, over a raw socket. */
@QuarkusTest
@WithTestResource(FakeOpenAi.class)
class BodyPrefetchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @FakeOpenAi.Inject
    WireMockServer openAi;

    @BeforeEach
    void answerEverything() {
        openAi.resetAll();
        openAi.stubFor(chatCompletion().willReturn(answering(OpenAiStubs.sampleAnswer("wind turbines"))));
    }

    @Test
    void aBodyArrivingInPiecesIsAnsweredAndItsRepeatIsAHit() throws IOException {
        byte[] body = body("prefetch-pieces");
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(headers(body.length, ""));
            out.flush();
            for (int from = 0; from < body.length; from += 500) {
                out.write(Arrays.copyOfRange(body, from, Math.min(body.length, from + 500)));
                out.flush();
            }
            RawResponse answer = RawResponse.read(socket.getInputStream());
            assertEquals(200, answer.status(), answer.body());
            assertEquals("MISS", answer.headers().get("x-cache"));
            assertTrue(answer.body().contains("English headline about wind turbines"), answer.body());
        }
        given().contentType("application/json").body(body).post("/summarize")
                .then().statusCode(200).header("X-Cache", "HIT").body("title", equalTo(
                        "English headline about wind turbines"));
        assertEquals(1, chatRequests(openAi).size());
    }

    @Test
    void aClientWaitingFor100ContinueGetsItBeforeItSendsTheBody() throws IOException {
        byte[] body = body("prefetch-continue");
        try (Socket socket = connect()) {
            OutputStream out = socket.getOutputStream();
            out.write(headers(body.length, "Expect: 100-continue\r\n"));
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream());
            RawResponse interim = RawResponse.read(in);
            assertEquals(100, interim.status());
            out.write(body);
            out.flush();
            RawResponse answer = RawResponse.read(in);
            assertEquals(200, answer.status(), answer.body());
            assertEquals("MISS", answer.headers().get("x-cache"));
        }
    }

    private static byte[] body(String marker) throws IOException {
        return JSON.writeValueAsBytes(Map.of("text", Articles.uniqueDanish(Articles.MEDIUM_DANISH, marker)));
    }

    private static Socket connect() throws IOException {
        Socket socket = new Socket("127.0.0.1", RestAssured.port);
        socket.setSoTimeout(20_000); // a missing answer fails the test instead of hanging it
        return socket;
    }

    private static byte[] headers(int contentLength, String extra) {
        return ("POST /summarize HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: "
                + contentLength + "\r\n" + extra + "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private record RawResponse(int status, Map<String, String> headers, String body) {

        static RawResponse read(InputStream in) throws IOException {
            int status = Integer.parseInt(line(in).split(" ")[1]);
            Map<String, String> headers = new HashMap<>();
            for (String header = line(in); !header.isEmpty(); header = line(in)) {
                int colon = header.indexOf(':');
                headers.put(header.substring(0, colon).strip().toLowerCase(Locale.ROOT), header.substring(colon + 1)
                        .strip());
            }
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            return new RawResponse(status, headers, new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }

        private static String line(InputStream in) throws IOException {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("The connection closed mid-response");
                }
                if (b != '\r') {
                    line.write(b);
                }
            }
            return line.toString(StandardCharsets.US_ASCII);
        }
    }
}
