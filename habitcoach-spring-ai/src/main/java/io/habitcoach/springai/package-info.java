/**
 * The coach's language model through Spring AI: {@link io.habitcoach.springai.SpringAiCoachModel} adapts
 * any Spring AI {@code ChatModel} (OpenAI, Ollama, Anthropic, ...: the host adds the provider module it
 * wants) with the same guarantees as habitcoach-ai's {@code LangChain4jCoachModel}.
 */
package io.habitcoach.springai;
