package main

import (
	"fmt"
	"net"
	"net/url"
	"os"
	"strconv"
	"time"

	"go.etcd.io/etcd/server/v3/embed"
	"k8s.io/klog/v2"
)

// startEtcd runs a single-member etcd in-process, the same way k8s.io/apiserver's own storage
// tests do (etcd3/testserver.NewTestConfig), without fsync because the data is throwaway.
func startEtcd(dir string) (*embed.Etcd, string, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, "", err
	}
	var lastErr error
	for attempt := 0; attempt < 5; attempt++ {
		ports, err := freePorts(2)
		if err != nil {
			return nil, "", err
		}
		cfg := embed.NewConfig()
		cfg.Name = "hyperctl-it"
		cfg.Dir = dir
		cfg.UnsafeNoFsync = true
		cfg.LogLevel = "error"
		clientURL := url.URL{Scheme: "http", Host: net.JoinHostPort("127.0.0.1", strconv.Itoa(ports[0]))}
		peerURL := url.URL{Scheme: "http", Host: net.JoinHostPort("127.0.0.1", strconv.Itoa(ports[1]))}
		cfg.ListenClientUrls, cfg.AdvertiseClientUrls = []url.URL{clientURL}, []url.URL{clientURL}
		cfg.ListenPeerUrls, cfg.AdvertisePeerUrls = []url.URL{peerURL}, []url.URL{peerURL}
		cfg.InitialCluster = cfg.InitialClusterFromName(cfg.Name)

		e, err := embed.StartEtcd(cfg)
		if err != nil {
			// Another process may have taken a port between probing and binding: try new ones.
			lastErr = err
			klog.Warningf("embedded etcd failed to start (attempt %d): %v", attempt+1, err)
			_ = os.RemoveAll(dir)
			_ = os.MkdirAll(dir, 0o700)
			continue
		}
		select {
		case <-e.Server.ReadyNotify():
			return e, clientURL.String(), nil
		case <-time.After(30 * time.Second):
			e.Close()
			return nil, "", fmt.Errorf("embedded etcd not ready within 30s")
		}
	}
	return nil, "", fmt.Errorf("cannot start embedded etcd: %w", lastErr)
}

func freePorts(n int) ([]int, error) {
	ports := make([]int, 0, n)
	for i := 0; i < n; i++ {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return nil, err
		}
		defer l.Close()
		ports = append(ports, l.Addr().(*net.TCPAddr).Port)
	}
	return ports, nil
}
