package com.planledger.domain.query;

import com.planledger.domain.DomainException;

import java.util.Locale;
import java.util.Set;

/** Paging and sorting of a list: {@code page} from 0, {@code size} 1..500, {@code sort} as {@code field,asc}. */
public record PageRequest(int page, int size, String sortField, boolean ascending) {

    public static final int MAX_SIZE = 500;

    public PageRequest {
        if (page < 0) {
            throw DomainException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw DomainException.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > Integer.MAX_VALUE) {
            throw DomainException.invalid("page", "is beyond any list (page times size must stay below 2^31)");
        }
    }

    /** How many items the pages before this one hold. */
    public int offset() {
        return page * size;
    }

    /** Parses {@code sort} ({@code field} or {@code field,asc|desc}) against the allowed fields. */
    public static PageRequest of(int page, int size, String sort, String defaultField, Set<String> allowed) {
        if (sort == null || sort.isBlank()) {
            return new PageRequest(page, size, defaultField, true);
        }
        String[] parts = sort.split(",", -1);
        String field = parts[0].strip();
        if (!allowed.contains(field) || parts.length > 2) {
            throw DomainException.invalid("sort", "can sort by " + String.join(", ", allowed.stream().sorted()
                    .toList()));
        }
        boolean ascending = true;
        if (parts.length > 1) {
            String direction = parts[1].strip().toLowerCase(Locale.ROOT);
            if (!direction.equals("asc") && !direction.equals("desc")) {
                throw DomainException.invalid("sort", "direction must be asc or desc");
            }
            ascending = direction.equals("asc");
        }
        return new PageRequest(page, size, field, ascending);
    }
}
