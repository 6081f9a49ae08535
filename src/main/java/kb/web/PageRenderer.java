package kb.web;

import java.util.Locale;
import java.util.Map;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the Thymeleaf templates under {@code web/templates/} on the classpath. The engine is built once, on the
 * first page rendered (so a server's start-up and its first JSON answer do not load Thymeleaf), and caches parsed
 * templates, so rendering a page costs only the model evaluation.
 */
final class PageRenderer {
    private volatile TemplateEngine engine;

    private TemplateEngine engine() {
        TemplateEngine e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    e = build();
                    engine = e;
                }
            }
        }
        return e;
    }

    private static TemplateEngine build() {
        RecordPropertyAccessor.install();
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(PageRenderer.class.getClassLoader());
        resolver.setPrefix("web/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        TemplateEngine engine = new TemplateEngine();
        engine.setTemplateResolver(resolver);
        return engine;
    }

    String render(String template, Map<String, ?> model) {
        Context context = new Context(Locale.ENGLISH);
        model.forEach(context::setVariable);
        return engine().process(template, context);
    }

    /** Answers 200 with the rendered page; error answers are {@link ErrorMapper}'s. */
    void respond(io.javalin.http.Context ctx, String template, Map<String, ?> model) {
        ctx.status(200).contentType("text/html; charset=utf-8").result(render(template, model));
    }
}
