package main

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/pem"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"time"
)

// clientIdentity is the x509 user: a throwaway client CA and one certificate it signed.
type clientIdentity struct {
	caPEM, certPEM, keyPEM    []byte
	caFile, certFile, keyFile string
}

// certAdminCN / certAdminGroup name the client-certificate user (O= becomes its group).
const (
	certAdminCN    = "hyperctl-cert-admin"
	certAdminGroup = "system:masters"
)

// newClientIdentity generates the client CA and the cert-admin certificate and writes them to dir.
func newClientIdentity(dir string) (*clientIdentity, error) {
	caKey, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	now := time.Now()
	caTmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: "hyperctl-it-client-ca"},
		NotBefore:             now.Add(-time.Hour),
		NotAfter:              now.Add(10 * 365 * 24 * time.Hour),
		KeyUsage:              x509.KeyUsageCertSign | x509.KeyUsageDigitalSignature,
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	caDER, err := x509.CreateCertificate(rand.Reader, caTmpl, caTmpl, &caKey.PublicKey, caKey)
	if err != nil {
		return nil, err
	}
	caCert, err := x509.ParseCertificate(caDER)
	if err != nil {
		return nil, err
	}
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return nil, err
	}
	tmpl := &x509.Certificate{
		SerialNumber: big.NewInt(2),
		Subject:      pkix.Name{CommonName: certAdminCN, Organization: []string{certAdminGroup}},
		NotBefore:    now.Add(-time.Hour),
		NotAfter:     now.Add(10 * 365 * 24 * time.Hour),
		KeyUsage:     x509.KeyUsageDigitalSignature,
		ExtKeyUsage:  []x509.ExtKeyUsage{x509.ExtKeyUsageClientAuth},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, caCert, &key.PublicKey, caKey)
	if err != nil {
		return nil, err
	}
	keyDER, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		return nil, err
	}
	id := &clientIdentity{
		caPEM:    pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: caDER}),
		certPEM:  pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}),
		keyPEM:   pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: keyDER}),
		caFile:   filepath.Join(dir, "client-ca.crt"),
		certFile: filepath.Join(dir, "client.crt"),
		keyFile:  filepath.Join(dir, "client.key"),
	}
	for path, data := range map[string][]byte{id.caFile: id.caPEM, id.certFile: id.certPEM, id.keyFile: id.keyPEM} {
		if err := writeAtomic(path, data, 0o600); err != nil {
			return nil, err
		}
	}
	return id, nil
}

// servingCA returns the CA of the generated serving chain: the last PEM block of apiserver.crt.
// Clients get the CA only, because a leaf-in-bundle trust anchor is fragile across TLS stacks.
func servingCA(chainFile string) ([]byte, error) {
	data, err := os.ReadFile(chainFile)
	if err != nil {
		return nil, err
	}
	var last *pem.Block
	for {
		var b *pem.Block
		b, data = pem.Decode(data)
		if b == nil {
			break
		}
		if b.Type == "CERTIFICATE" {
			last = b
		}
	}
	if last == nil {
		return nil, fmt.Errorf("no certificate in %q", chainFile)
	}
	cert, err := x509.ParseCertificate(last.Bytes)
	if err != nil {
		return nil, err
	}
	if !cert.IsCA {
		return nil, fmt.Errorf("last certificate in %q is not a CA", chainFile)
	}
	return pem.EncodeToMemory(last), nil
}
