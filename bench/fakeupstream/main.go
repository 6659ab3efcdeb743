// Command fakeupstream serves the proxy's deterministic fake model API
// (connectors/proxy/fakeupstream) on loopback, for the proxy benchmark and
// the Node test. It prints its base URL on the first line of stdout.
//
//	go run ./bench/fakeupstream -addr 127.0.0.1:0 -delay 5ms
package main

import (
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/parapet-dev/parapet/connectors/proxy/fakeupstream"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:0", "listen address (loopback)")
	delay := flag.Duration("delay", 0, "delay between streamed chunks")
	flag.Parse()
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintln(os.Stderr, "fakeupstream:", err)
		os.Exit(1)
	}
	fmt.Printf("http://%s\n", ln.Addr())
	srv := &http.Server{Handler: &fakeupstream.Upstream{Delay: *delay}, ReadHeaderTimeout: 10 * time.Second}
	if err := srv.Serve(ln); err != nil {
		fmt.Fprintln(os.Stderr, "fakeupstream:", err)
		os.Exit(1)
	}
}
