// Package sdk is Parapet's Go client. A Decider answers decide requests:
// Client calls a remote `parapet serve` over HTTP (timeouts, retries with
// backoff on 5xx and connection errors, typed errors), Embedded runs the
// engine in-process on a bundle with no network. Guard wraps one model
// call in the prompt and response checks and restores redacted values in
// the answer.
//
//	c, _ := sdk.NewClient("http://127.0.0.1:8282", sdk.WithToken(token))
//	g := sdk.NewGuard(c)
//	res, err := g.Do(ctx, &sdk.Request{...}, func(ctx context.Context, call *sdk.ModelCall) (*sdk.Response, error) {
//		// send call.Messages to call.Model
//	})
package sdk
