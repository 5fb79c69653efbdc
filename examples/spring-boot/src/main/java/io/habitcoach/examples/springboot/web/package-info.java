/**
 * A small server-rendered web page over the library (Thymeleaf, no JavaScript framework, no CDN):
 * sign in as a demo user, the dashboard with streaks and calendar heat maps, a habit page with the
 * strength chart, the weekly summary, the coach's messages and the chat.
 */
package io.habitcoach.examples.springboot.web;
