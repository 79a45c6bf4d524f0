package com.planledger.domain.plan;

import com.planledger.domain.DomainException;

import java.util.EnumMap;
import java.util.Map;

/** The limits of a plan (or of a customer's subscription, add-ons included). Every limit is given. */
public record Limits(Limit messages,
                     Limit whatsappConversations,
                     Limit teamMembers,
                     Limit workspaces,
                     Limit teamUsersPerWorkspace,
                     Limit contacts) {

    public Limits {
        require(messages, "messages");
        require(whatsappConversations, "whatsappConversations");
        require(teamMembers, "teamMembers");
        require(workspaces, "workspaces");
        require(teamUsersPerWorkspace, "teamUsersPerWorkspace");
        require(contacts, "contacts");
    }

    private static void require(Limit limit, String field) {
        if (limit == null) {
            throw DomainException.invalid(field, "must be a whole number >= 0 or \"UNLIMITED\"");
        }
    }

    public Limit get(LimitKind kind) {
        return switch (kind) {
            case MESSAGES -> messages;
            case WHATSAPP_CONVERSATIONS -> whatsappConversations;
            case TEAM_MEMBERS -> teamMembers;
            case WORKSPACES -> workspaces;
            case TEAM_USERS_PER_WORKSPACE -> teamUsersPerWorkspace;
            case CONTACTS -> contacts;
        };
    }

    public Map<LimitKind, Limit> asMap() {
        Map<LimitKind, Limit> map = new EnumMap<>(LimitKind.class);
        for (LimitKind kind : LimitKind.values()) {
            map.put(kind, get(kind));
        }
        return map;
    }

    public static Limits fromMap(Map<LimitKind, Limit> map) {
        return new Limits(map.get(LimitKind.MESSAGES), map.get(LimitKind.WHATSAPP_CONVERSATIONS),
                map.get(LimitKind.TEAM_MEMBERS), map.get(LimitKind.WORKSPACES),
                map.get(LimitKind.TEAM_USERS_PER_WORKSPACE), map.get(LimitKind.CONTACTS));
    }

    /** These limits raised by {@code increments} (per kind); unlimited stays unlimited. */
    public Limits plus(Map<LimitKind, Long> increments) {
        Map<LimitKind, Limit> map = asMap();
        increments.forEach((kind, inc) -> map.put(kind, map.get(kind).plus(inc)));
        return fromMap(map);
    }
}
