/** Sign-in: login sessions (hashed tokens), passwords ({@link io.habitcoach.jooq.accounts.PasswordHasher}) and OAuth accounts (tokens encrypted by a {@link io.habitcoach.jooq.accounts.TokenCipher}). */
package io.habitcoach.jooq.accounts;
