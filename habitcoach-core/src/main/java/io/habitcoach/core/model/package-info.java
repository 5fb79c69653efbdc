/** The enumerated states of users, habits, goals and chats, each with its stored code. */
package io.habitcoach.core.model;
