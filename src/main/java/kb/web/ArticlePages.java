package kb.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kb.search.ArticleView;
import kb.search.BadQueryException;
import kb.search.SearchEngine;

/**
 * {@code GET /articles/{slug}}, its original file at {@code /articles/{slug}/source}, and {@code GET /passages/{id}}
 * (a redirect to the passage's anchor): the one place an article page is rendered. Rule: a renamed article or
 * passage is a 301 to its new address (query kept), an unknown one a 404; a query that cannot be highlighted still
 * shows the article, unhighlighted, saying why. Each passage's related passages are {@link ArticleRelated}'s.
 */
final class ArticlePages {
    private final SearchEngine search;
    private final PageRenderer pages;
    private final SourceRoute sources;
    private final PassageLookup passages;

    ArticlePages(SearchEngine search, PageRenderer pages, SourceRoute sources, PassageLookup passages) {
        this.search = search;
        this.pages = pages;
        this.sources = sources;
        this.passages = passages;
    }

    void register(JavalinConfig cfg) {
        cfg.routes.get("/articles/{slug}", this::articlePage);
        cfg.routes.get("/articles/{slug}/source", this::articleSource);
        cfg.routes.get("/passages/{id}", this::passageRedirect);
    }

    private void articlePage(Context ctx) throws IOException {
        String slug = ctx.pathParam("slug");
        String query = Params.text(ctx, "q");
        Map<String, Object> model = new HashMap<>();
        model.put("q", query == null ? "" : query);
        Optional<ArticleView> article;
        try {
            article = search.article(slug, query);
        } catch (BadQueryException e) {
            // The article exists regardless of the query; show it unhighlighted and say why.
            model.put("highlightError", e.getMessage());
            article = articleWithoutQuery(slug);
        }
        if (article.isEmpty()) {
            Optional<String> moved = search.movedTo(slug);
            if (moved.isPresent()) {
                String q = ctx.queryString();
                ctx.redirect(Links.article(moved.get()) + (q == null || q.isEmpty() ? "" : "?" + q), HttpStatus.MOVED_PERMANENTLY);
            } else {
                throw new NotFoundException("There is no article “" + slug + "”.");
            }
            return;
        }
        model.put("article", article.get());
        model.put("sections", ShownArticle.sections(article.get(), ArticleRelated.of(search, article.get())));
        model.put("query", query);
        model.put("resultsUrl", SearchLinks.search(query, null, null, 1));
        model.put("plainUrl", Links.article(slug));
        model.put("sourceUrl", safeExternalUrl(article.get().sourceUrl()));
        model.put("originalUrl", sources.file(slug).isPresent() ? Links.articleSource(slug) : null);
        pages.respond(ctx, "article", model);
    }

    private Optional<ArticleView> articleWithoutQuery(String slug) throws IOException {
        try {
            return search.article(slug, null);
        } catch (BadQueryException impossible) {
            throw new IllegalStateException("no query, yet the query was refused", impossible);
        }
    }

    private void articleSource(Context ctx) throws IOException {
        String slug = ctx.pathParam("slug");
        if (!sources.serve(ctx, slug)) {
            throw new NotFoundException("There is no original file for “" + slug + "” in the corpus.");
        }
    }

    private void passageRedirect(Context ctx) throws IOException {
        passages.passageOrRedirect(ctx, Links::passage).ifPresent(p -> ctx.redirect(Links.passageInArticle(p.article(), p.id(), null), HttpStatus.FOUND));
    }

    /** Only http(s) links from article metadata become clickable; anything else (javascript:, data:) stays text. */
    private static String safeExternalUrl(String url) {
        if (url == null) {
            return null;
        }
        String lower = url.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://") ? url.strip() : null;
    }
}
