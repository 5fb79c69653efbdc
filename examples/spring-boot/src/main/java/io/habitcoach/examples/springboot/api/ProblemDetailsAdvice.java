package io.habitcoach.examples.springboot.api;

import io.habitcoach.core.CompletionWindowException;
import io.habitcoach.core.ConflictException;
import io.habitcoach.core.HabitNotActiveException;
import io.habitcoach.core.InvalidInputException;
import io.habitcoach.core.LimitExceededException;
import io.habitcoach.core.NotFoundException;
import io.habitcoach.core.coach.CoachQuotaExceededException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as an RFC 9457 problem detail ({@code application/problem+json}). Spring MVC's own
 * errors (malformed JSON, a date that does not parse, a failed {@code @Valid}) come from
 * {@link ResponseEntityExceptionHandler}; the library's exceptions are mapped here, each to the status
 * a client can act on, with the library's facts as extra members.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    /** 400: which field, and what is allowed. */
    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalidInput(InvalidInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", e.getMessage());
        problem.setProperty("field", e.field());
        problem.setProperty("allowed", e.allowed());
        return problem;
    }

    /** 404: also for another user's habit, which must look exactly like one that does not exist. */
    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        ProblemDetail problem = problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
        problem.setProperty("entity", e.entity());
        return problem;
    }

    /** 422: the request is well formed, but the day is outside today and the seven days before it. */
    @ExceptionHandler(CompletionWindowException.class)
    ProblemDetail outsideWindow(CompletionWindowException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Outside the completion window",
                e.getMessage());
        problem.setProperty("date", e.date().toString());
        problem.setProperty("earliest", e.earliest().toString());
        problem.setProperty("latest", e.latest().toString());
        return problem;
    }

    /** 409: a paused or archived habit takes no entries. */
    @ExceptionHandler(HabitNotActiveException.class)
    ProblemDetail notActive(HabitNotActiveException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Habit not active", e.getMessage());
        problem.setProperty("status", e.status().code());
        return problem;
    }

    /** 409: e.g. an email that is already registered. */
    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, "Conflict", e.getMessage());
    }

    /** 409: the user already has as many habits, goals, subtasks or conversations as allowed. */
    @ExceptionHandler(LimitExceededException.class)
    ProblemDetail limit(LimitExceededException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Limit reached", e.getMessage());
        problem.setProperty("what", e.what());
        problem.setProperty("limit", e.limit());
        return problem;
    }

    /** 429: the user's daily language-model replies are used up. */
    @ExceptionHandler(CoachQuotaExceededException.class)
    ProblemDetail quota(CoachQuotaExceededException e) {
        ProblemDetail problem = problem(HttpStatus.TOO_MANY_REQUESTS, "Coach quota exceeded", e.getMessage());
        problem.setProperty("limit", e.limit());
        return problem;
    }

    /** 400 for a failed {@code @Valid}, with each field and its message. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = e.getBody();
        problem.setTitle("Invalid input");
        List<Map<String, String>> errors = e.getFieldErrors().stream().map(error -> {
            Map<String, String> item = new LinkedHashMap<>();
            item.put("field", error.getField());
            item.put("message", error.getDefaultMessage());
            return item;
        }).toList();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(e, problem, headers, status, request);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }
}
