package dk.articlesummarizer.web;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** JSON body of POST /summarize/batch: the articles, each as POST /summarize takes one. */
@RegisterForReflection
public record BatchRequest(List<SummarizeRequest> articles) {
}
