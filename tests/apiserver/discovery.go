package main

import (
	"sort"

	apiextensionshelpers "k8s.io/apiextensions-apiserver/pkg/apihelpers"
	apiextensionsv1 "k8s.io/apiextensions-apiserver/pkg/apis/apiextensions/v1"
	extensionsapiserver "k8s.io/apiextensions-apiserver/pkg/apiserver"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"
	"k8s.io/apimachinery/pkg/version"
	"k8s.io/client-go/tools/cache"
	"k8s.io/klog/v2"
)

// serveRootDiscovery makes GET /apis work, which kubectl and most clients need before anything
// else.
//
// Standalone apiextensions-apiserver turns discovery off (Complete sets EnableDiscovery=false)
// because inside kube-apiserver the aggregator in front of it serves /apis. We turn it back on:
// the aggregated form (apidiscovery v2, what kubectl 1.33 asks for) is fed with CRD groups by
// apiextensions' own discovery controller; the legacy APIGroupList form only knows groups added
// to DiscoveryGroupManager, so keep it in step with the established CRDs here.
func serveRootDiscovery(srv *extensionsapiserver.CustomResourceDefinitions) {
	gs := srv.GenericAPIServer
	informer := srv.Informers.Apiextensions().V1().CustomResourceDefinitions()
	known := map[string]bool{}
	sync := func() {
		crds, err := informer.Lister().List(labels.Everything())
		if err != nil {
			klog.Warningf("discovery sync: %v", err)
			return
		}
		groups := map[string]map[string]bool{}
		for _, crd := range crds {
			if !apiextensionshelpers.IsCRDConditionTrue(crd, apiextensionsv1.Established) {
				continue
			}
			for _, v := range crd.Spec.Versions {
				if v.Served {
					if groups[crd.Spec.Group] == nil {
						groups[crd.Spec.Group] = map[string]bool{}
					}
					groups[crd.Spec.Group][v.Name] = true
				}
			}
		}
		for name, versions := range groups {
			list := make([]string, 0, len(versions))
			for v := range versions {
				list = append(list, v)
			}
			sort.Slice(list, func(i, j int) bool { return version.CompareKubeAwareVersionStrings(list[i], list[j]) > 0 })
			group := metav1.APIGroup{Name: name}
			for _, v := range list {
				group.Versions = append(group.Versions, metav1.GroupVersionForDiscovery{GroupVersion: name + "/" + v, Version: v})
			}
			group.PreferredVersion = group.Versions[0]
			gs.DiscoveryGroupManager.AddGroup(group)
			known[name] = true
		}
		for name := range known {
			if _, ok := groups[name]; !ok {
				gs.DiscoveryGroupManager.RemoveGroup(name)
				delete(known, name)
			}
		}
	}
	// Handlers run one at a time per informer, so `known` needs no lock.
	_, _ = informer.Informer().AddEventHandler(cache.ResourceEventHandlerFuncs{
		AddFunc:    func(any) { sync() },
		UpdateFunc: func(any, any) { sync() },
		DeleteFunc: func(any) { sync() },
	})
}
