package main

import (
	"context"
	"errors"
	"os"
	"os/signal"
	"syscall"
	"time"

	"k8s.io/klog/v2"
)

// signalContext is cancelled by the first SIGINT/SIGTERM. Unlike genericapiserver's handler, a
// second signal does not exit at once: Ctrl+C reaches both `deno task apiserver` and this child
// (same process group) and the parent forwards it too, and cleanup must still run.
func signalContext() (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(context.Background())
	ch := make(chan os.Signal, 4)
	signal.Notify(ch, syscall.SIGINT, syscall.SIGTERM)
	// A test runner that exits first closes our stdout/stderr pipes; a late log line must then
	// fail quietly (EPIPE) instead of killing us before the data dir is cleaned up.
	signal.Ignore(syscall.SIGPIPE)
	go func() {
		sig := <-ch
		klog.Infof("received %v, shutting down", sig)
		cancel()
		for sig := range ch {
			klog.Infof("received %v again; already shutting down", sig)
		}
	}()
	return ctx, cancel
}

// watchParent cancels when pid no longer exists, so a killed test runner leaves no server behind.
func watchParent(pid int, cancel context.CancelFunc) {
	for range time.Tick(500 * time.Millisecond) {
		if err := syscall.Kill(pid, 0); errors.Is(err, syscall.ESRCH) {
			klog.Infof("parent process %d is gone, shutting down", pid)
			cancel()
			return
		}
	}
}
