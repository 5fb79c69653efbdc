/**
 * Not API: the template engine behind the built-in personalities and their phrasing tables. May change
 * in any release.
 */
package io.habitcoach.ai.internal;
