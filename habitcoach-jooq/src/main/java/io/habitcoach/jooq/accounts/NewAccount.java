package io.habitcoach.jooq.accounts;

import java.time.OffsetDateTime;

/**
 * An OAuth account to link to a user, as the provider returned it. The provider and its account
 * id are required; the tokens and their expiry are optional.
 *
 * <pre>{@code
 * NewAccount.builder().provider("google").providerAccountId("1098…").accessToken(at).refreshToken(rt)
 *         .tokenExpiry(expiry).build()
 * }</pre>
 */
public record NewAccount(
        String provider,
        String providerAccountId,
        String accessToken,
        String refreshToken,
        OffsetDateTime tokenExpiry) {

    public static Builder builder() {
        return new Builder();
    }

    /** Never prints the tokens. */
    @Override
    public String toString() {
        return "NewAccount[provider=" + provider + ", providerAccountId=" + providerAccountId
                + ", accessToken=" + (accessToken == null ? "null" : "[redacted]")
                + ", refreshToken=" + (refreshToken == null ? "null" : "[redacted]")
                + ", tokenExpiry=" + tokenExpiry + "]";
    }

    /** Builds a {@link NewAccount}. */
    public static final class Builder {
        private String provider;
        private String providerAccountId;
        private String accessToken;
        private String refreshToken;
        private OffsetDateTime tokenExpiry;

        private Builder() {
        }

        /** The provider's name, e.g. {@code google}; stored lower-cased. */
        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        /** The user's id at the provider (OpenID Connect's {@code sub}). */
        public Builder providerAccountId(String providerAccountId) {
            this.providerAccountId = providerAccountId;
            return this;
        }

        public Builder accessToken(String accessToken) {
            this.accessToken = accessToken;
            return this;
        }

        public Builder refreshToken(String refreshToken) {
            this.refreshToken = refreshToken;
            return this;
        }

        /** When the access token expires. */
        public Builder tokenExpiry(OffsetDateTime tokenExpiry) {
            this.tokenExpiry = tokenExpiry;
            return this;
        }

        public NewAccount build() {
            return new NewAccount(provider, providerAccountId, accessToken, refreshToken, tokenExpiry);
        }
    }
}
