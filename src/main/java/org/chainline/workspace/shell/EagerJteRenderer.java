package org.chainline.workspace.shell;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.views.ViewsConfiguration;
import io.micronaut.views.jte.HtmlJteViewsRenderer;
import io.micronaut.views.jte.JteViewsRendererConfiguration;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders a page whole before its response starts. Micronaut Views renders a JTE template while it writes the response,
 * so a template that fails part-way leaves the response unfinished and the browser waiting; rendered first, the failure
 * is an error answered as one. A {@link Page} is given to its template whole, as {@code page}.
 */
@Singleton
@Replaces(HtmlJteViewsRenderer.class)
public final class EagerJteRenderer<T> extends HtmlJteViewsRenderer<T> {

    EagerJteRenderer(ViewsConfiguration views, JteViewsRendererConfiguration jte) {
        super(views, jte);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Writable render(String viewName, T data, HttpRequest<?> request) {
        StringWriter page = new StringWriter();
        // a screen's template takes its page record as its one parameter, not the record's fields one by one
        T model = data instanceof Page p ? (T) Map.of("page", p) : data;
        try {
            super.render(viewName, model, request).writeTo(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String html = page.toString();
        return out -> out.write(html);
    }
}
