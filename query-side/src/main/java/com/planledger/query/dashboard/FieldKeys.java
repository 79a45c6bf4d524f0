package com.planledger.query.dashboard;

/**
 * Ids as MongoDB field names: ids may contain '.', which a field path would split; it is written as {@code %2E}
 * (and '%' as {@code %25}), and read back.
 */
final class FieldKeys {

    private FieldKeys() {
    }

    static String encode(String id) {
        return id.replace("%", "%25").replace(".", "%2E");
    }

    static String decode(String key) {
        return key.replace("%2E", ".").replace("%25", "%");
    }
}
