package sdk

import (
	"errors"
	"fmt"
	"net/http"
	"time"

	"github.com/parapet-dev/parapet/engine"
)

// Error codes of docs/api.md.
const (
	CodeInvalidJSON          = engine.CodeInvalidJSON
	CodeInvalidUTF8          = engine.CodeInvalidUTF8
	CodeUnknownField         = engine.CodeUnknownField
	CodeMissingField         = engine.CodeMissingField
	CodeInvalidField         = engine.CodeInvalidField
	CodeUnauthorized         = "unauthorized"
	CodeForbidden            = "forbidden"
	CodeNotFound             = "not_found"
	CodeMethodNotAllowed     = "method_not_allowed"
	CodeRequestTooLarge      = engine.CodeTooLarge
	CodeUnsupportedMediaType = engine.CodeUnsupportedType
	CodeInternal             = "internal"
	// CodeUnexpectedResponse is the SDK's own: the answer was not a
	// Parapet error body (a proxy's 502 page, say).
	CodeUnexpectedResponse = "unexpected_response"
)

// APIError is an error answer from Parapet: the HTTP status, the stable
// code, the message, the field the server named ("messages[1].role") and
// the error id of its log line.
type APIError struct {
	Status  int
	Code    string
	Message string
	Field   string
	ErrorID string

	retryAfter time.Duration // from a Retry-After header
}

func (e *APIError) Error() string {
	s := fmt.Sprintf("parapet: %d %s", e.Status, e.Code)
	if e.Field != "" {
		s += ": " + e.Field
	}
	if e.Message != "" {
		s += ": " + e.Message
	}
	if e.ErrorID != "" {
		s += " (error_id " + e.ErrorID + ")"
	}
	return s
}

// Is matches the sentinel errors below by code, so
// errors.Is(err, sdk.ErrUnauthorized) works.
func (e *APIError) Is(target error) bool {
	t, ok := target.(*APIError)
	return ok && t.Status == 0 && t.Message == "" && t.Code == e.Code
}

// Temporary reports whether retrying may help: a 5xx answer.
func (e *APIError) Temporary() bool { return e.Status >= 500 }

// Sentinels for errors.Is, one per code.
var (
	ErrInvalidJSON          = &APIError{Code: CodeInvalidJSON}
	ErrInvalidUTF8          = &APIError{Code: CodeInvalidUTF8}
	ErrUnknownField         = &APIError{Code: CodeUnknownField}
	ErrMissingField         = &APIError{Code: CodeMissingField}
	ErrInvalidField         = &APIError{Code: CodeInvalidField}
	ErrUnauthorized         = &APIError{Code: CodeUnauthorized}
	ErrForbidden            = &APIError{Code: CodeForbidden}
	ErrNotFound             = &APIError{Code: CodeNotFound}
	ErrMethodNotAllowed     = &APIError{Code: CodeMethodNotAllowed}
	ErrRequestTooLarge      = &APIError{Code: CodeRequestTooLarge}
	ErrUnsupportedMediaType = &APIError{Code: CodeUnsupportedMediaType}
	ErrInternal             = &APIError{Code: CodeInternal}
)

// statusFor is the HTTP status the API answers a code with.
func statusFor(code string) int {
	switch code {
	case CodeRequestTooLarge:
		return http.StatusRequestEntityTooLarge
	case CodeUnsupportedMediaType:
		return http.StatusUnsupportedMediaType
	case CodeUnauthorized:
		return http.StatusUnauthorized
	case CodeForbidden:
		return http.StatusForbidden
	case CodeNotFound:
		return http.StatusNotFound
	case CodeMethodNotAllowed:
		return http.StatusMethodNotAllowed
	case CodeInternal:
		return http.StatusInternalServerError
	}
	return http.StatusBadRequest
}

// fromEngine turns the engine's refusal into the error the API would
// answer with, so Embedded and Client fail alike.
func fromEngine(err error) error {
	var re *engine.RequestError
	if errors.As(err, &re) {
		return &APIError{Status: statusFor(re.Code), Code: re.Code, Message: re.Message, Field: re.Field}
	}
	return err
}

// Step is the check of a guarded call that refused it.
type Step string

// The steps of a guarded call.
const (
	StepPrompt   Step = "prompt"
	StepResponse Step = "response"
)

// DeniedError is a guarded call that a decision refused: a deny, or a
// review (held for a person). Decision says why.
type DeniedError struct {
	Step     Step
	Decision *Decision
}

func (e *DeniedError) Error() string {
	ids := ""
	for i, r := range e.Decision.Reasons {
		if i > 0 {
			ids += ", "
		}
		ids += r.ID
	}
	s := fmt.Sprintf("parapet: the %s was refused (%s", e.Step, e.Decision.Effect)
	if ids != "" {
		s += ": " + ids
	}
	if e.Decision.FailClosed {
		s += "; fail-closed"
	}
	return s + ")"
}
