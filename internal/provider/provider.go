// Package provider defines the BigCommerce provider: its configuration and
// the resources, data sources and list resources it serves.
package provider

import (
	"context"
	"fmt"
	"os"
	"regexp"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timetypes/timetypes"
	"github.com/hashicorp/terraform-plugin-framework-validators/int64validator"
	"github.com/hashicorp/terraform-plugin-framework-validators/stringvalidator"
	"github.com/hashicorp/terraform-plugin-framework/action"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	"github.com/hashicorp/terraform-plugin-framework/list"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	"github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-framework/schema/validator"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/commerceops/terraform-provider-bigcommerce/internal/batch"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/bigcommerce"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/providerdata"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/service/customer"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/service/customeraddress"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/service/customerattribute"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/service/customerattributevalue"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/service/customerconsent"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/service/customergroup"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/service/customermetafield"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/service/customersegment"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/service/customersettings"
	"github.com/commerceops/terraform-provider-bigcommerce/internal/service/customersubscriber"
)

// Environment variables that configure the provider when the configuration
// leaves an attribute out.
const (
	EnvStoreHash   = "BIGCOMMERCE_STORE_HASH"
	EnvAccessToken = "BIGCOMMERCE_ACCESS_TOKEN"
	EnvAPIURL      = "BIGCOMMERCE_API_URL"
)

const (
	defaultMaxRetries     = 10
	defaultRequestTimeout = 60 * time.Second
)

var (
	_ provider.Provider                  = (*bigcommerceProvider)(nil)
	_ provider.ProviderWithListResources = (*bigcommerceProvider)(nil)
	_ provider.ProviderWithActions       = (*bigcommerceProvider)(nil)
)

// New returns a constructor of the provider, stamped with version.
func New(version string) func() provider.Provider {
	return func() provider.Provider {
		return &bigcommerceProvider{version: version}
	}
}

type bigcommerceProvider struct {
	version string
}

type providerModel struct {
	StoreHash      types.String         `tfsdk:"store_hash"`
	AccessToken    types.String         `tfsdk:"access_token"`
	APIURL         types.String         `tfsdk:"api_url"`
	MaxRetries     types.Int64          `tfsdk:"max_retries"`
	RequestTimeout timetypes.GoDuration `tfsdk:"request_timeout"`
	Batching       types.Bool           `tfsdk:"batching"`
	QuotaShare     types.Int64          `tfsdk:"quota_share"`
}

func (p *bigcommerceProvider) Metadata(_ context.Context, _ provider.MetadataRequest, resp *provider.MetadataResponse) {
	resp.TypeName = "bigcommerce"
	resp.Version = p.version
}

func (p *bigcommerceProvider) Schema(_ context.Context, _ provider.SchemaRequest, resp *provider.SchemaResponse) {
	resp.Schema = schema.Schema{
		Description: "Manage a BigCommerce store's customers, customer groups, addresses and customer attributes.",
		Attributes: map[string]schema.Attribute{
			"store_hash": schema.StringAttribute{
				Description: "The store's hash, the `{store_hash}` in `https://api.bigcommerce.com/stores/{store_hash}/v3`. May also be set with the `" + EnvStoreHash + "` environment variable.",
				Optional:    true,
				Validators:  []validator.String{stringvalidator.RegexMatches(storeHashPattern, "must be a store hash: letters and digits only, as in https://api.bigcommerce.com/stores/{store_hash}")},
			},
			"access_token": schema.StringAttribute{
				Description: "An API account access token with the Customers scope, sent as `X-Auth-Token`. May also be set with the `" + EnvAccessToken + "` environment variable.",
				Optional:    true,
				Sensitive:   true,
			},
			"api_url": schema.StringAttribute{
				Description: "The API's base URL; the provider appends `/stores/{store_hash}/v2|v3/...`. Defaults to `" + bigcommerce.DefaultBaseURL + "`. Plain `http://` is accepted only for a loopback host such as a local sandbox store. May also be set with the `" + EnvAPIURL + "` environment variable.",
				Optional:    true,
			},
			"max_retries": schema.Int64Attribute{
				Description: "How many times a request is retried after a 429 or a 500, 502, 503 or 504 answer, with exponential backoff. Defaults to 10.",
				Optional:    true,
				Validators:  []validator.Int64{int64validator.Between(0, 50)},
			},
			"request_timeout": schema.StringAttribute{
				CustomType:  timetypes.GoDurationType{},
				Description: "How long one HTTP request may take before it is abandoned (and retried, when safe), as a Go duration such as `30s` or `2m`. Defaults to `60s`.",
				Optional:    true,
			},
			"batching": schema.BoolAttribute{
				Description: "Whether concurrent operations on customers, addresses, attribute values and metafields are merged into BigCommerce's batch requests (up to 10 objects per create or update). Defaults to `true`; turn it off only to compare.",
				Optional:    true,
			},
			"quota_share": schema.Int64Attribute{
				MarkdownDescription: fmt.Sprintf("The percentage (1 to 100) of the store's API rate-limit window this provider may use. The store's quota (150 requests per 30 seconds on Standard and Plus plans) is shared by every app installed on it; the provider stops sending when the requests left in the window fall to the rest, so an ERP sync or a storefront app keeps its headroom. Several Terraform runs at once share the same part, since all of them read the store's `X-Rate-Limit-*` headers. Defaults to %d; 100 leaves the store's other apps only what the provider has not used yet.", bigcommerce.DefaultQuotaShare),
				Optional:            true,
				Validators:          []validator.Int64{int64validator.Between(1, 100)},
			},
		},
	}
}

func (p *bigcommerceProvider) Configure(ctx context.Context, req provider.ConfigureRequest, resp *provider.ConfigureResponse) {
	var config providerModel
	resp.Diagnostics.Append(req.Config.Get(ctx, &config)...)
	if resp.Diagnostics.HasError() {
		return
	}

	storeHash := stringFromConfigOrEnv(config.StoreHash, EnvStoreHash)
	accessToken := stringFromConfigOrEnv(config.AccessToken, EnvAccessToken)
	apiURL := stringFromConfigOrEnv(config.APIURL, EnvAPIURL)

	if config.StoreHash.IsUnknown() || config.AccessToken.IsUnknown() || config.APIURL.IsUnknown() {
		resp.Diagnostics.AddWarning("Provider configuration not yet known",
			"The BigCommerce provider's store_hash, access_token or api_url depends on values known only after apply; the provider stays unconfigured until then.")
		return
	}
	if storeHash == "" {
		resp.Diagnostics.AddAttributeError(path.Root("store_hash"), "Missing BigCommerce store hash",
			"Set store_hash in the provider block or the "+EnvStoreHash+" environment variable to the store's hash (the {store_hash} in https://api.bigcommerce.com/stores/{store_hash}/v3).")
	} else if !storeHashPattern.MatchString(storeHash) {
		resp.Diagnostics.AddAttributeError(path.Root("store_hash"), "Invalid BigCommerce store hash",
			"store_hash (or "+EnvStoreHash+") must hold letters and digits only, as in https://api.bigcommerce.com/stores/{store_hash}/v3.")
	}
	if accessToken == "" {
		resp.Diagnostics.AddAttributeError(path.Root("access_token"), "Missing BigCommerce access token",
			"Set access_token in the provider block or the "+EnvAccessToken+" environment variable to an API account token with the Customers scope.")
	}
	if apiURL != "" {
		if _, err := bigcommerce.ParseBaseURL(apiURL); err != nil {
			resp.Diagnostics.AddAttributeError(path.Root("api_url"), "Invalid BigCommerce API URL",
				"api_url (or "+EnvAPIURL+"): "+err.Error()+".")
		}
	}
	timeout := defaultRequestTimeout
	if !config.RequestTimeout.IsNull() && !config.RequestTimeout.IsUnknown() {
		d, diags := config.RequestTimeout.ValueGoDuration()
		resp.Diagnostics.Append(diags...)
		if d <= 0 {
			resp.Diagnostics.AddAttributeError(path.Root("request_timeout"), "Invalid request timeout",
				"request_timeout must be a positive duration such as \"30s\".")
		}
		timeout = d
	}
	if resp.Diagnostics.HasError() {
		return
	}

	maxRetries := int(config.MaxRetries.ValueInt64())
	if config.MaxRetries.IsNull() {
		maxRetries = defaultMaxRetries
	} else if maxRetries == 0 {
		maxRetries = -1 // the client reads 0 as "default"
	}

	client, err := bigcommerce.New(bigcommerce.Config{
		BaseURL:        apiURL,
		StoreHash:      storeHash,
		AccessToken:    accessToken,
		UserAgent:      "terraform-provider-bigcommerce/" + p.version,
		MaxRetries:     maxRetries,
		QuotaShare:     int(config.QuotaShare.ValueInt64()), // null: 0, the default
		RequestTimeout: timeout,
		Logger:         tflogLogger{secret: accessToken},
	})
	if err != nil {
		resp.Diagnostics.AddError("Unable to create the BigCommerce API client", err.Error())
		return
	}

	// Batching is on unless turned off explicitly: it is the baseline to
	// compare against, not something a user needs.
	var customers providerdata.CustomerService = client
	var metafields providerdata.MetafieldService = client
	var addresses providerdata.AddressService = client
	var attributeValues providerdata.AttributeValueService = client
	if config.Batching.IsNull() || config.Batching.IsUnknown() || config.Batching.ValueBool() {
		svc := batch.NewServices(client)
		customers, metafields, addresses, attributeValues = svc.Customers, svc.Metafields, svc.Addresses, svc.AttributeValues
	}
	data := &providerdata.Data{Client: client, Customers: customers, Metafields: metafields,
		Addresses: addresses, AttributeValues: attributeValues, Attributes: &providerdata.Attributes{}, Singletons: &providerdata.Singletons{}}
	resp.DataSourceData = data
	resp.ResourceData = data
	resp.ListResourceData = data
	resp.ActionData = data
}

func (p *bigcommerceProvider) Resources(context.Context) []func() resource.Resource {
	return []func() resource.Resource{
		customer.NewResource,
		customeraddress.NewResource,
		customerattribute.NewResource,
		customerattributevalue.NewResource,
		customergroup.NewResource,
		customersettings.NewResource,
		customersettings.NewChannelResource,
		customermetafield.NewResource,
		customerconsent.NewResource,
		customersubscriber.NewResource,
		customersegment.NewResource,
		customersegment.NewMembersResource,
	}
}

func (p *bigcommerceProvider) DataSources(context.Context) []func() datasource.DataSource {
	return []func() datasource.DataSource{
		customer.NewDataSource,
		customer.NewCustomersDataSource,
		customeraddress.NewAddressesDataSource,
		customerattribute.NewAttributesDataSource,
		customergroup.NewDataSource,
		customergroup.NewGroupsDataSource,
		customersettings.NewDataSource,
		customersettings.NewChannelDataSource,
		customermetafield.NewMetafieldsDataSource,
		customerconsent.NewDataSource,
		customersubscriber.NewDataSource,
		customersubscriber.NewSubscribersDataSource,
		customersegment.NewDataSource,
		customersegment.NewSegmentsDataSource,
	}
}

func (p *bigcommerceProvider) Actions(context.Context) []func() action.Action {
	return []func() action.Action{
		customer.NewForcePasswordResetAction,
	}
}

func (p *bigcommerceProvider) ListResources(context.Context) []func() list.ListResource {
	return []func() list.ListResource{
		customer.NewListResource,
		customermetafield.NewListResource,
		customersubscriber.NewListResource,
		customersegment.NewListResource,
		customergroup.NewListResource,
		customeraddress.NewListResource,
		customerattribute.NewListResource,
		customerattributevalue.NewListResource,
	}
}

func stringFromConfigOrEnv(v types.String, env string) string {
	if !v.IsNull() && !v.IsUnknown() {
		return v.ValueString()
	}
	return os.Getenv(env)
}

// tflogLogger sends the client's request log to Terraform's log, with the
// access token masked wherever it might appear.
type tflogLogger struct{ secret string }

func (l tflogLogger) Debug(ctx context.Context, msg string, fields map[string]any) {
	if l.secret != "" {
		ctx = tflog.MaskMessageStrings(ctx, l.secret)
		ctx = tflog.MaskAllFieldValuesStrings(ctx, l.secret)
	}
	tflog.Debug(ctx, msg, fields)
}

// storeHashPattern is what BigCommerce store hashes look like.
var storeHashPattern = regexp.MustCompile(`^[A-Za-z0-9]+$`)
