package engine

// Evaluating a policy recurses deeply in OPA (tens of KiB of stack for the
// default library). A goroutine starts with a few KiB and grows its stack
// by doubling, copying it each time and adjusting every frame: on a new
// connection (a fresh goroutine), or after the garbage collector shrank an
// idle one, a decision paid several such copies in the middle of
// evaluation, where the stack is deepest and copying dearest. reserveStack
// grows the stack once, at the start of a decision, where it is shallow.

// stackReserve is the stack a decision is given up front: what the
// default library's evaluation was measured to need, with room to spare.
const stackReserve = 128 << 10

// reserveStack makes room for stackReserve bytes of stack below the
// caller. Its frame is that large, so the check in its prologue grows the
// stack (in one step) when it is smaller; the array is never touched (use
// is always false), so nothing is zeroed, and when the stack is already
// large enough the call costs a call.
//
//go:noinline
func reserveStack(use bool) byte {
	if use {
		var b [stackReserve]byte
		return touch(b[:])
	}
	return 0
}

//go:noinline
func touch(b []byte) byte { return b[len(b)-1] }
