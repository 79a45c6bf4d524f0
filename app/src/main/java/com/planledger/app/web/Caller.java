package com.planledger.app.web;

import com.planledger.domain.audit.AuditMetadata;

/**
 * The authenticated caller: an API key's name, its role, and the partner it is bound to ({@code *}: every partner).
 */
public record Caller(String name, Role role, String partnerId) {

    public enum Role {
        /** Every partner, admin operations. */
        ADMIN,
        /** One partner, read and write. */
        PARTNER,
        /** Read-only, history included; one partner or all. */
        AUDITOR
    }

    public static final String ANY_PARTNER = "*";
    static final String REQUEST_ATTRIBUTE = Caller.class.getName();

    /** The actor recorded in the metadata of every command and event this caller causes. */
    public String actor() {
        return "api-key:" + name;
    }

    public boolean canSee(String partner) {
        return role == Role.ADMIN || ANY_PARTNER.equals(partnerId) || partnerId.equals(partner);
    }

    public boolean mayWrite() {
        return role != Role.AUDITOR;
    }

    /** The actor of a request without a caller (never a client request: those are authenticated). */
    public static String systemActor() {
        return AuditMetadata.SYSTEM;
    }
}
