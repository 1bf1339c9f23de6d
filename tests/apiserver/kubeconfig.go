package main

import (
	"os"

	"k8s.io/client-go/tools/clientcmd"
	clientcmdapi "k8s.io/client-go/tools/clientcmd/api"
)

const clusterName = "hyperctl-it"

// writeKubeconfig writes one context per identity (admin, viewer, nobody, cert-admin), all in
// namespace default, current-context admin. The CA data is the CA only, never leaf + CA.
func writeKubeconfig(path, server string, caPEM []byte, tokens map[string]string, client *clientIdentity) error {
	cfg := clientcmdapi.NewConfig()
	cfg.Clusters[clusterName] = &clientcmdapi.Cluster{Server: server, CertificateAuthorityData: caPEM}
	for _, name := range []string{"admin", "viewer", "nobody"} {
		cfg.AuthInfos[name] = &clientcmdapi.AuthInfo{Token: tokens[name]}
	}
	cfg.AuthInfos["cert-admin"] = &clientcmdapi.AuthInfo{ClientCertificateData: client.certPEM, ClientKeyData: client.keyPEM}
	for _, name := range []string{"admin", "viewer", "nobody", "cert-admin"} {
		cfg.Contexts[name] = &clientcmdapi.Context{Cluster: clusterName, AuthInfo: name, Namespace: "default"}
	}
	cfg.CurrentContext = "admin"
	data, err := clientcmd.Write(*cfg)
	if err != nil {
		return err
	}
	return writeAtomic(path, data, 0o600)
}

// writeDummyKubeconfig points the (unused) core API client at a closed port.
func writeDummyKubeconfig(path string) error {
	cfg := clientcmdapi.NewConfig()
	cfg.Clusters["none"] = &clientcmdapi.Cluster{Server: "https://127.0.0.1:1", InsecureSkipTLSVerify: true}
	cfg.AuthInfos["none"] = &clientcmdapi.AuthInfo{}
	cfg.Contexts["none"] = &clientcmdapi.Context{Cluster: "none", AuthInfo: "none"}
	cfg.CurrentContext = "none"
	data, err := clientcmd.Write(*cfg)
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o600)
}
