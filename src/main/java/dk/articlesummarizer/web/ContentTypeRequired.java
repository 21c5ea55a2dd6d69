package dk.articlesummarizer.web;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dk.articlesummarizer.problem.ProblemException;
import dk.articlesummarizer.problem.ProblemType;

/** A body without a Content-Type is refused rather than guessed at (Quarkus REST would read it as JSON). */
public class ContentTypeRequired {

    @ServerRequestFilter(preMatching = true)
    public void check(ContainerRequestContext request) {
        if ("POST".equals(request.getMethod()) && request.getMediaType() == null) {
            throw new ProblemException(ProblemType.UNSUPPORTED_MEDIA_TYPE, "The request has no Content-Type. Send"
                    + " application/json ({\"text\": ..., \"title\": ...}), or text/plain, text/html or"
                    + " text/markdown for POST /summarize.");
        }
    }
}
