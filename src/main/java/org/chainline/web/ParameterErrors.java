package org.chainline.web;

import io.micronaut.core.convert.exceptions.ConversionErrorException;

/** A query or path value that is not of its parameter's type: {@code limit: 'lots' is not a whole number}. */
final class ParameterErrors {

    private ParameterErrors() {
    }

    /** True for a text value that did not convert; a JSON body's errors carry a position instead. */
    static boolean isParameter(Throwable t) {
        return t instanceof ConversionErrorException c
                && (c.getMessage() == null || !c.getMessage().contains("at [Source:"))
                && c.getConversionError().getOriginalValue().filter(CharSequence.class::isInstance).isPresent();
    }

    static String describe(ConversionErrorException e) {
        String value = e.getConversionError().getOriginalValue().map(String::valueOf).orElse("");
        return e.getArgument().getName() + ": '" + value + "' is not " + typeWord(e.getArgument().getType());
    }

    private static String typeWord(Class<?> type) {
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (Number.class.isAssignableFrom(type) || type == double.class || type == float.class) {
            return "a number";
        }
        return "a valid " + type.getSimpleName();
    }
}
