package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	apiextensionsv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	crdclient "k8s.io/apiextensions-apiserver/pkg/client/clientset/clientset"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/wait"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"k8s.io/client-go/discovery"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/klog/v2"
	"sigs.k8s.io/yaml"
)

// waitReady polls /readyz over the loopback client until it says ok or the server dies.
func waitReady(ctx context.Context, loopback *rest.Config, errCh <-chan error) error {
	cs, err := kubernetes.NewForConfig(loopback)
	if err != nil {
		return err
	}
	var lastBody string
	err = wait.PollUntilContextTimeout(ctx, 100*time.Millisecond, 60*time.Second, true, func(ctx context.Context) (bool, error) {
		select {
		case err := <-errCh:
			if err == nil {
				err = errors.New("server exited")
			}
			return false, err
		default:
		}
		body, err := cs.Discovery().RESTClient().Get().AbsPath("/readyz").DoRaw(ctx)
		if err != nil {
			lastBody = string(body)
			return false, nil
		}
		return true, nil
	})
	if err != nil {
		return fmt.Errorf("server not ready: %w (last /readyz: %s)", err, lastBody)
	}
	return nil
}

// loadCRDs reads every *.yaml / *.yml / *.json document in the directories, sorted by file name.
func loadCRDs(dirs []string) ([]*apiextensionsv1.CustomResourceDefinition, error) {
	var crds []*apiextensionsv1.CustomResourceDefinition
	for _, dir := range dirs {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return nil, fmt.Errorf("cannot read CRD dir %q: %w", dir, err)
		}
		names := []string{}
		for _, e := range entries {
			ext := strings.ToLower(filepath.Ext(e.Name()))
			if !e.IsDir() && (ext == ".yaml" || ext == ".yml" || ext == ".json") {
				names = append(names, e.Name())
			}
		}
		sort.Strings(names)
		for _, name := range names {
			path := filepath.Join(dir, name)
			data, err := os.ReadFile(path)
			if err != nil {
				return nil, err
			}
			dec := utilyaml.NewYAMLOrJSONDecoder(bytes.NewReader(data), 4096)
			for {
				var raw map[string]interface{}
				if err := dec.Decode(&raw); err != nil {
					if errors.Is(err, io.EOF) {
						break
					}
					return nil, fmt.Errorf("cannot parse %q: %w", path, err)
				}
				if len(raw) == 0 {
					continue
				}
				doc, _ := yaml.Marshal(raw)
				crd := &apiextensionsv1.CustomResourceDefinition{}
				if err := yaml.UnmarshalStrict(doc, crd); err != nil {
					return nil, fmt.Errorf("cannot decode CRD in %q: %w", path, err)
				}
				if crd.Kind != "CustomResourceDefinition" {
					return nil, fmt.Errorf("%q: kind %q is not CustomResourceDefinition", path, crd.Kind)
				}
				crds = append(crds, crd)
			}
		}
	}
	return crds, nil
}

// installCRDs creates (or updates) the CRDs and waits until they are Established, their names
// accepted and discovery lists them, so a test's first request never races the CRD controller.
func installCRDs(ctx context.Context, loopback *rest.Config, dirs []string) error {
	crds, err := loadCRDs(dirs)
	if err != nil {
		return err
	}
	client, err := crdclient.NewForConfig(loopback)
	if err != nil {
		return err
	}
	api := client.ApiextensionsV1().CustomResourceDefinitions()
	for _, crd := range crds {
		_, err := api.Create(ctx, crd, metav1.CreateOptions{})
		if apierrors.IsAlreadyExists(err) {
			cur, getErr := api.Get(ctx, crd.Name, metav1.GetOptions{})
			if getErr != nil {
				return getErr
			}
			crd.ResourceVersion = cur.ResourceVersion
			_, err = api.Update(ctx, crd, metav1.UpdateOptions{})
		}
		if err != nil {
			return fmt.Errorf("server rejected CRD %q: %w", crd.Name, err)
		}
	}
	for _, crd := range crds {
		name := crd.Name
		err := wait.PollUntilContextTimeout(ctx, 50*time.Millisecond, 30*time.Second, true, func(ctx context.Context) (bool, error) {
			cur, err := api.Get(ctx, name, metav1.GetOptions{})
			if err != nil {
				return false, err
			}
			established, accepted := false, false
			for _, c := range cur.Status.Conditions {
				switch {
				case c.Type == apiextensionsv1.Established && c.Status == apiextensionsv1.ConditionTrue:
					established = true
				case c.Type == apiextensionsv1.NamesAccepted && c.Status == apiextensionsv1.ConditionTrue:
					accepted = true
				case c.Type == apiextensionsv1.NamesAccepted && c.Status == apiextensionsv1.ConditionFalse:
					return false, fmt.Errorf("CRD %q names not accepted: %s", name, c.Message)
				case c.Type == apiextensionsv1.NonStructuralSchema && c.Status == apiextensionsv1.ConditionTrue:
					return false, fmt.Errorf("CRD %q schema is not structural: %s", name, c.Message)
				}
			}
			return established && accepted, nil
		})
		if err != nil {
			return fmt.Errorf("CRD %q not established: %w", name, err)
		}
	}
	disco, err := discovery.NewDiscoveryClientForConfig(loopback)
	if err != nil {
		return err
	}
	for _, crd := range crds {
		for _, v := range crd.Spec.Versions {
			if !v.Served {
				continue
			}
			gv := crd.Spec.Group + "/" + v.Name
			plural := crd.Spec.Names.Plural
			err := wait.PollUntilContextTimeout(ctx, 50*time.Millisecond, 30*time.Second, true, func(ctx context.Context) (bool, error) {
				list, err := disco.ServerResourcesForGroupVersion(gv)
				if err != nil {
					return false, nil
				}
				for _, r := range list.APIResources {
					if r.Name == plural {
						return true, nil
					}
				}
				return false, nil
			})
			if err != nil {
				return fmt.Errorf("discovery never listed %s %q: %w", gv, plural, err)
			}
		}
	}
	klog.Infof("installed %d CRDs", len(crds))
	return nil
}
