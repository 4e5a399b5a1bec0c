package org.chainline.workspace.shell;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.views.ModelAndView;
import org.chainline.refusal.Refusal;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The one form rule. A form that did what it asked answers 303 to the page that shows the result, so that a refresh
 * shows it again instead of posting again. A form refused answers 422 with the same page, every field's error at
 * its field and in the summary at the top, all at once, each named as the form labels the field ("Name 1 value").
 */
public final class FormAnswers {

    private FormAnswers() {
    }

    /** Done: the page that shows the result. */
    public static MutableHttpResponse<?> shown(URI page) {
        return HttpResponse.seeOther(page);
    }

    public static MutableHttpResponse<?> shown(String page) {
        return shown(URI.create(page));
    }

    /** Refused: the same page again, holding what was sent and the errors. */
    public static <P extends Page> MutableHttpResponse<ModelAndView<P>> again(String view, P page) {
        return HttpResponse.<ModelAndView<P>>status(HttpStatus.UNPROCESSABLE_ENTITY).body(new ModelAndView<>(view, page));
    }

    /**
     * Every problem of a refusal at the form's field: {@code field} names the form's field for the refusal's (null for
     * the whole request), and the error sits at that field's control ({@code f-} and its name). Several problems of
     * one field make one error there, their sentences one after the other.
     */
    public static List<FieldError> errors(Refusal refused, UnaryOperator<String> field) {
        return errors(refused, field, FieldError::control);
    }

    /** As {@link #errors(Refusal, UnaryOperator)}, a problem of the whole request at {@code whole}. */
    public static List<FieldError> errors(Refusal refused, String whole) {
        return errors(refused, f -> f == null ? whole : f);
    }

    /** As {@link #errors(Refusal, UnaryOperator)}, with the form's own ids for its controls. */
    public static List<FieldError> errors(Refusal refused, UnaryOperator<String> field, UnaryOperator<String> control) {
        return errors(refused, field, control, FieldError::label);
    }

    /** As {@link #errors(Refusal, UnaryOperator, UnaryOperator)}, each field named by the label the form gives it. */
    public static List<FieldError> errors(Refusal refused, UnaryOperator<String> field, UnaryOperator<String> control,
                                          UnaryOperator<String> label) {
        Map<String, List<String>> byControl = new LinkedHashMap<>();
        for (Refusal.Problem p : refused.problems()) {
            // a problem the form has no field for is said at the form as a whole
            String shown = Objects.requireNonNullElse(field.apply(p.field()), "form");
            String reason = reason(p);
            byControl.computeIfAbsent(control.apply(shown), c -> new ArrayList<>())
                    .add(FieldError.capitalised(Objects.requireNonNullElse(label.apply(shown), FieldError.label(shown)))
                            + (reason.isBlank() ? " is not right" : " " + reason));
        }
        List<FieldError> errors = new ArrayList<>();
        byControl.forEach((id, sentences) -> errors.add(new FieldError(id, sentences.size() == 1 ? sentences.getFirst()
                : String.join(" ", sentences.stream().map(s -> s.endsWith(".") ? s : s + ".").toList()))));
        return errors;
    }

    /** The problem's reason without the refusal's own name for its field, which the form names in its words. */
    private static String reason(Refusal.Problem p) {
        String message = p.message() == null ? "" : p.message();
        return p.field() != null && message.startsWith(p.field() + " ") ? message.substring(p.field().length() + 1) : message;
    }
}
