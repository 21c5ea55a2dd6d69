package dk.articlesummarizer.support;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Posts articles to /summarize all at once (released together by a latch) and collects the answers in order. */
public final class ConcurrentPosts {

    private ConcurrentPosts() {
    }

    public static List<Response> post(List<String> articles) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(articles.size());
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> pending = new ArrayList<>();
            for (String article : articles) {
                pending.add(pool.submit(() -> {
                    start.await();
                    return given().contentType(ContentType.JSON).body(Map.of("text", article)).post("/summarize");
                }));
            }
            start.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> response : pending) {
                responses.add(response.get(30, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }
}
