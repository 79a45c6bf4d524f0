package com.planledger.domain.plan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The limits a plan sets, named as in the API ({@code messages}, {@code teamMembers}, ...). */
public enum LimitKind {
    MESSAGES("messages"),
    WHATSAPP_CONVERSATIONS("whatsappConversations"),
    TEAM_MEMBERS("teamMembers"),
    WORKSPACES("workspaces"),
    TEAM_USERS_PER_WORKSPACE("teamUsersPerWorkspace"),
    CONTACTS("contacts");

    private final String key;

    LimitKind(String key) {
        this.key = key;
    }

    @JsonValue
    public String key() {
        return key;
    }

    @JsonCreator
    public static LimitKind fromKey(String key) {
        for (LimitKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown limit '" + key + "'; known: "
                + Arrays.stream(values()).map(LimitKind::key).collect(Collectors.joining(", ")));
    }
}
