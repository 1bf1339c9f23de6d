// Command apiserver runs a real Kubernetes API server for hyperctl's integration tests.
//
// It is k8s.io/apiextensions-apiserver (the code that serves every custom resource inside
// kube-apiserver) plus an embedded etcd, listening on 127.0.0.1 over HTTPS. It installs the
// project's CRDs, writes a kubeconfig and a ready file, prints `READY <json>` on stdout and runs
// until SIGTERM/SIGINT. Users: bearer tokens admin/viewer/nobody and a client-certificate admin.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"k8s.io/apiextensions-apiserver/pkg/cmd/server/options"
	genericapiserver "k8s.io/apiserver/pkg/server"
	"k8s.io/component-base/logs"
	"k8s.io/component-base/version"
	"k8s.io/klog/v2"
)

// flags are hyperctl's own options; every other flag belongs to the apiextensions option set.
type flags struct {
	dataDir       string
	crdDirs       []string
	kubeconfigOut string
	readyFile     string
	port          int
	tokens        string
	keepData      bool
	parentPID     int
}

// readyInfo is what the ready file and the READY line carry.
type readyInfo struct {
	PID        int               `json:"pid"`
	Server     string            `json:"server"`
	Kubeconfig string            `json:"kubeconfig"`
	CAFile     string            `json:"caFile"`
	Tokens     map[string]string `json:"tokens"`
	K8sVersion string            `json:"k8sVersion"`
	ClientCert string            `json:"clientCert"`
	ClientKey  string            `json:"clientKey"`
	Etcd       string            `json:"etcd"`
	DataDir    string            `json:"dataDir"`
}

func main() {
	if err := run(); err != nil {
		klog.Errorf("apiserver: %v", err)
		logs.FlushLogs()
		os.Exit(1)
	}
	logs.FlushLogs()
}

func run() error {
	o := options.NewCustomResourceDefinitionsServerOptions(os.Stderr, os.Stderr)
	// Defaults that differ from the stock binary; flags given later still override them.
	o.RecommendedOptions.Admission = nil // NamespaceLifecycle and webhooks need a core API we do not have
	o.RecommendedOptions.Authentication.RemoteKubeConfigFileOptional = true
	o.RecommendedOptions.Authentication.SkipInClusterLookup = true
	o.RecommendedOptions.Authorization.RemoteKubeConfigFileOptional = true
	o.RecommendedOptions.Features.EnablePriorityAndFairness = false
	o.RecommendedOptions.SecureServing.BindAddress = net.ParseIP("127.0.0.1")

	var f flags
	fs := pflag.NewFlagSet("hyperctl-test-apiserver", pflag.ContinueOnError)
	fs.StringVar(&f.dataDir, "data-dir", "", "state directory (etcd, certs); a temp dir when empty")
	fs.StringSliceVar(&f.crdDirs, "crd-dir", []string{"deploy/crds"}, "directories of CRD YAML files to install (repeatable)")
	fs.StringVar(&f.kubeconfigOut, "kubeconfig-out", "", "where to write the kubeconfig (default <data-dir>/kubeconfig)")
	fs.StringVar(&f.readyFile, "ready-file", "", "where to write the ready JSON once serving")
	fs.IntVar(&f.port, "port", 0, "HTTPS port on 127.0.0.1 (0 = pick a free one)")
	fs.StringVar(&f.tokens, "tokens", "", "bearer tokens, e.g. admin=a,viewer=v,nobody=n (defaults admin-token, viewer-token, nobody-token)")
	fs.BoolVar(&f.keepData, "keep-data", false, "keep the data dir on exit")
	fs.IntVar(&f.parentPID, "parent-pid", 0, "shut down when this process is gone (for test runners that may die without cleanup)")
	o.AddFlags(fs)
	logs.AddFlags(fs)
	if err := fs.Parse(os.Args[1:]); err != nil {
		return err
	}
	tokens, err := parseTokens(f.tokens)
	if err != nil {
		return err
	}

	if f.dataDir == "" {
		if f.dataDir, err = os.MkdirTemp("", "hyperctl-apiserver-"); err != nil {
			return err
		}
	} else if err := os.MkdirAll(f.dataDir, 0o700); err != nil {
		return err
	}
	if !f.keepData {
		defer os.RemoveAll(f.dataDir)
	}
	if f.kubeconfigOut == "" {
		f.kubeconfigOut = filepath.Join(f.dataDir, "kubeconfig")
	}
	ctx, cancel := signalContext()
	if f.parentPID > 0 {
		go watchParent(f.parentPID, cancel)
	}
	return serve(ctx, o, f, tokens)
}

func serve(ctx context.Context, o *options.CustomResourceDefinitionsServerOptions, f flags, tokens map[string]string) error {
	started := time.Now()
	certDir := filepath.Join(f.dataDir, "certs")
	if err := os.MkdirAll(certDir, 0o700); err != nil {
		return err
	}

	etcd, etcdURL, err := startEtcd(filepath.Join(f.dataDir, "etcd"))
	if err != nil {
		return err
	}
	defer func() {
		klog.Infof("stopping embedded etcd (its \"server closed\" errors that follow are expected)")
		etcd.Close()
	}()
	if len(o.RecommendedOptions.Etcd.StorageConfig.Transport.ServerList) == 0 {
		o.RecommendedOptions.Etcd.StorageConfig.Transport.ServerList = []string{etcdURL}
	}

	// Config() needs a core API kubeconfig to build an informer factory; nothing ever dials it.
	dummy := filepath.Join(f.dataDir, "core-dummy.kubeconfig")
	if err := writeDummyKubeconfig(dummy); err != nil {
		return err
	}
	o.RecommendedOptions.CoreAPI.CoreAPIKubeconfigPath = dummy

	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(f.port)))
	if err != nil {
		return fmt.Errorf("cannot listen on 127.0.0.1:%d: %w", f.port, err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	ss := o.RecommendedOptions.SecureServing
	ss.Listener, ss.BindPort = ln, port
	ss.ExternalAddress = net.ParseIP("127.0.0.1")
	ss.ServerCert.CertDirectory = certDir

	if err := o.ServerRunOptions.ComponentGlobalsRegistry.Set(); err != nil {
		return err
	}
	if err := o.Complete(); err != nil {
		return err
	}
	if err := o.Validate(); err != nil {
		return err
	}
	cfg, err := o.Config()
	if err != nil {
		return err
	}
	// Advertised in discovery's serverAddressByClientCIDRs; the default has an empty host.
	cfg.GenericConfig.ExternalAddress = net.JoinHostPort("127.0.0.1", strconv.Itoa(port))
	client, err := newClientIdentity(certDir)
	if err != nil {
		return err
	}
	if err := configure(cfg, dummy, tokens, client); err != nil {
		return err
	}

	completed := cfg.Complete()
	completed.GenericConfig.EnableDiscovery = true // see serveRootDiscovery
	srv, err := completed.New(genericapiserver.NewEmptyDelegate())
	if err != nil {
		return err
	}
	serveRootDiscovery(srv)
	// The server stops when the signal context ends or when startup fails below; either way it
	// must be down before the deferred etcd.Close runs, or it spams gRPC reconnect errors.
	runCtx, stopServer := context.WithCancel(ctx)
	errCh := make(chan error, 1)
	go func() { errCh <- srv.GenericAPIServer.PrepareRun().RunWithContext(runCtx) }()
	stopped := false
	defer func() {
		stopServer()
		if stopped {
			return
		}
		select {
		case err := <-errCh:
			if err != nil && !errors.Is(err, context.Canceled) {
				klog.Warningf("shutdown: %v", err)
			}
		case <-time.After(10 * time.Second):
			klog.Warningf("server did not stop within 10s")
		}
	}()

	loopback := srv.GenericAPIServer.LoopbackClientConfig
	if err := waitReady(ctx, loopback, errCh); err != nil {
		return err
	}
	if err := installCRDs(ctx, loopback, f.crdDirs); err != nil {
		return err
	}

	caPEM, err := servingCA(filepath.Join(certDir, "apiserver.crt"))
	if err != nil {
		return err
	}
	caFile := filepath.Join(certDir, "ca.crt")
	if err := writeAtomic(caFile, caPEM, 0o644); err != nil {
		return err
	}
	server := fmt.Sprintf("https://127.0.0.1:%d", port)
	if err := writeKubeconfig(f.kubeconfigOut, server, caPEM, tokens, client); err != nil {
		return err
	}
	info := readyInfo{
		PID: os.Getpid(), Server: server, Kubeconfig: abs(f.kubeconfigOut), CAFile: caFile, Tokens: tokens,
		K8sVersion: version.Get().GitVersion, ClientCert: client.certFile, ClientKey: client.keyFile,
		Etcd: etcdURL, DataDir: abs(f.dataDir),
	}
	line, _ := json.Marshal(info)
	if f.readyFile != "" {
		if err := writeAtomic(f.readyFile, append(line, '\n'), 0o644); err != nil {
			return err
		}
	}
	klog.Infof("ready in %v at %s", time.Since(started).Round(time.Millisecond), server)
	fmt.Fprintf(os.Stdout, "READY %s\n", line)

	if f.readyFile != "" {
		defer os.Remove(f.readyFile)
	}
	select {
	case err := <-errCh:
		stopped = true
		if err != nil {
			return fmt.Errorf("server stopped: %w", err)
		}
		return nil
	case <-ctx.Done():
		klog.Infof("shutting down")
		return nil
	}
}

// parseTokens reads `admin=a,viewer=v,nobody=n`; missing users keep their fixed default.
func parseTokens(spec string) (map[string]string, error) {
	tokens := map[string]string{"admin": "admin-token", "viewer": "viewer-token", "nobody": "nobody-token"}
	if spec == "" {
		return tokens, nil
	}
	for _, part := range strings.Split(spec, ",") {
		name, value, ok := strings.Cut(strings.TrimSpace(part), "=")
		if _, known := tokens[name]; !ok || !known || value == "" {
			return nil, fmt.Errorf("cannot parse --tokens entry %q: want admin|viewer|nobody=<token>", part)
		}
		tokens[name] = value
	}
	return tokens, nil
}
