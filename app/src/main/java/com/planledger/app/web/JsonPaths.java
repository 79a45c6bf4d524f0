package com.planledger.app.web;

import com.fasterxml.jackson.databind.JsonMappingException;

/** Field paths in the API's notation ({@code addOns[0].prices.MONTHLY}) from Jackson's reference chain. */
final class JsonPaths {

    private JsonPaths() {
    }

    static String of(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** Map keys as path segments ({@code prices[MONTHLY]} becomes {@code prices.MONTHLY}); list indexes stay. */
    static String normalise(String path) {
        return path == null ? null : path.replaceAll("\\[([^\\]0-9][^\\]]*)]", ".$1");
    }

    static String join(String prefix, String field) {
        if (field == null || field.isEmpty()) {
            return prefix == null ? "" : prefix;
        }
        if (prefix == null || prefix.isEmpty()) {
            return field;
        }
        if (prefix.endsWith("." + field) || prefix.equals(field)) {
            return prefix;
        }
        return prefix + (field.startsWith("[") ? "" : ".") + field;
    }
}
