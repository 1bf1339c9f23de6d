package main

import (
	"context"

	extensionsapiserver "k8s.io/apiextensions-apiserver/pkg/apiserver"
	generatedopenapi "k8s.io/apiextensions-apiserver/pkg/generated/openapi"
	"k8s.io/apiserver/pkg/authentication/authenticatorfactory"
	"k8s.io/apiserver/pkg/authentication/group"
	"k8s.io/apiserver/pkg/authentication/request/union"
	x509request "k8s.io/apiserver/pkg/authentication/request/x509"
	"k8s.io/apiserver/pkg/authentication/user"
	"k8s.io/apiserver/pkg/authorization/authorizer"
	authzunion "k8s.io/apiserver/pkg/authorization/union"
	openapinamer "k8s.io/apiserver/pkg/endpoints/openapi"
	genericapiserver "k8s.io/apiserver/pkg/server"
	"k8s.io/apiserver/pkg/server/dynamiccertificates"
	"k8s.io/apiserver/pkg/util/openapi"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"
)

// User names the harness documents; tests see them in Forbidden messages.
const (
	adminUser  = "hyperctl-admin"
	viewerUser = "hyperctl-viewer"
	nobodyUser = "hyperctl-nobody"
)

// configure swaps in our identities and roles and keeps the server away from the missing core API.
//
// Authentication is replaced, not unioned, so anonymous is off: no or unknown credentials -> 401.
// Authorization keeps the delegating union (system:masters and health paths always allowed) and
// adds one rule: the viewer may do read-only requests. Everything else is 403, like RBAC would say.
func configure(cfg *extensionsapiserver.Config, dummyKubeconfig string, tokens map[string]string, client *clientIdentity) error {
	gc := cfg.GenericConfig

	// An informer factory nothing registers on: /readyz's informer-sync check passes and nothing
	// dials the dummy core API address. Only conversion webhooks would need the captured lister.
	restCfg, err := clientcmd.BuildConfigFromFlags("", dummyKubeconfig)
	if err != nil {
		return err
	}
	cs, err := kubernetes.NewForConfig(restCfg)
	if err != nil {
		return err
	}
	gc.SharedInformerFactory = informers.NewSharedInformerFactory(cs, 0)

	// Serve /openapi/v2 too, as upstream's test server does; kubectl's validation uses v3.
	gc.OpenAPIConfig = genericapiserver.DefaultOpenAPIConfig(
		openapi.GetOpenAPIDefinitionsWithoutDisabledFeatures(generatedopenapi.GetOpenAPIDefinitions),
		openapinamer.NewDefinitionNamer(extensionsapiserver.Scheme))

	users := map[string]*user.DefaultInfo{
		tokens["admin"]:  {Name: adminUser, UID: "uid-admin", Groups: []string{"system:masters"}},
		tokens["viewer"]: {Name: viewerUser, UID: "uid-viewer", Groups: []string{"hyperctl:viewers"}},
		tokens["nobody"]: {Name: nobodyUser, UID: "uid-nobody"},
	}
	caProvider, err := dynamiccertificates.NewStaticCAContent("hyperctl-client-ca", client.caPEM)
	if err != nil {
		return err
	}
	// Makes the TLS listener request client certificates signed by our client CA.
	if err := gc.Authentication.ApplyClientCert(caProvider, gc.SecureServing); err != nil {
		return err
	}
	certAuth := x509request.NewDynamic(caProvider.VerifyOptions, x509request.CommonNameUserConversion)
	tokenAuth := authenticatorfactory.NewFromTokens(users, gc.Authentication.APIAudiences)
	gc.Authentication.Authenticator = group.NewAuthenticatedGroupAdder(union.New(certAuth, tokenAuth))

	viewer := authorizer.AuthorizerFunc(func(_ context.Context, a authorizer.Attributes) (authorizer.Decision, string, error) {
		if a.GetUser() != nil && a.GetUser().GetName() == viewerUser && a.IsReadOnly() {
			return authorizer.DecisionAllow, "viewer may read", nil
		}
		return authorizer.DecisionNoOpinion, "", nil
	})
	gc.Authorization.Authorizer = authzunion.New(gc.Authorization.Authorizer, viewer)
	return nil
}
